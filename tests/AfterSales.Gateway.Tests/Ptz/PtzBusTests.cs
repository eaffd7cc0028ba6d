using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Ptz;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Ptz;

/// <summary>PTZ supervision over a real pseudo-terminal pair standing in for the RS-485 line, faults on a real broker.</summary>
public sealed class PtzBusTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly PelcoDHeadSimulator _heads = new([1, 2]);
    private readonly CancellationTokenSource _stop = new();
    private SocatPair _line = null!;
    private UplinkRig _rig = null!;
    private PtzBus _bus = null!;
    private SerialLink? _headEnd;
    private Task _headTask = Task.CompletedTask;
    private PtzConfig _config = null!;
    private bool _lineUp;

    public async Task InitializeAsync()
    {
        _rig = await UplinkRig.StartAsync();
        _line = new SocatPair(_directory.File("gateway-end"), _directory.File("heads-end"));
        _config = new PtzConfig
        {
            Port = _line.GatewayEnd,
            PollIntervalSeconds = 5,
            ResponseTimeoutMilliseconds = 500,
            MissedPollsBeforeFault = 2,
            Heads = [new PtzHeadConfig { Id = "ptz-gate", Address = 1 }, new PtzHeadConfig { Id = "ptz-yard", Address = 2 }],
        };
        var config = _rig.Config with { Ptz = _config };
        ConnectLine();
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), () => 0);
        _bus = new PtzBus(config.Ptz!, new SerialPortLinkFactory(), _rig.Reporter, _rig.Time, backoff, NullLogger<PtzBus>.Instance);
        await _bus.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _bus.IsConnected, "the bus to open its port");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _bus.StopAsync(CancellationToken.None);
        _headEnd?.Dispose();
        await _headTask;
        _line.Dispose();
        await _rig.DisposeAsync();
    }

    public void Dispose()
    {
        _bus?.Dispose();
        _stop.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Bus_HeadStopsAnswering_NoResponseAfterMissedRoundsOnlyForThatHeadClearedWhenItAnswers()
    {
        await RoundAsync();
        _heads.SetSilent(2, true);

        await RoundAsync();
        Assert.Equal(0, _rig.Tracker.ActiveCount);
        await RoundAsync();
        var raised = await _rig.NextEventAsync();
        _heads.SetSilent(2, false);
        await RoundAsync();
        var cleared = await _rig.NextEventAsync();

        Assert.Equal(("ptz-yard", DeviceKind.Ptz, FaultCodes.PtzNoResponse, FaultState.Raised), (raised.DeviceId, raised.DeviceKind, raised.Fault, raised.State));
        Assert.Equal(("ptz-yard", FaultState.Cleared), (cleared.DeviceId, cleared.State));
    }

    [Fact]
    public async Task Bus_AdapterUnplugged_EveryHeadNoResponseThenClearedWhenPluggedBack()
    {
        await RoundAsync();
        _line.Stop();
        _headEnd?.Dispose();
        _lineUp = false;

        await RoundAsync();
        await RoundAsync();
        var raised = new[] { await _rig.NextEventAsync(), await _rig.NextEventAsync() };
        ConnectLine();
        await Eventually.TrueAsync(() => _bus.IsConnected, "the bus to reopen its port", () => _rig.Time.Advance(_config.ResponseTimeout()));
        await RoundAsync();
        var cleared = new[] { await _rig.NextEventAsync(), await _rig.NextEventAsync() };

        Assert.Equal(["ptz-gate", "ptz-yard"], raised.Select(e => e.DeviceId).Order());
        Assert.All(raised, e => Assert.Equal(FaultState.Raised, e.State));
        Assert.All(cleared, e => Assert.Equal(FaultState.Cleared, e.State));
    }

    private void ConnectLine()
    {
        _line.Start();
        _headEnd = new SerialPortLinkFactory().Open(_line.DeviceEnd, 2400);
        var stream = _headEnd.Stream;
        _headTask = Task.Run(() => _heads.RunAsync(stream, _stop.Token));
        _lineUp = true;
    }

    /// <summary>One poll interval, tick by tick; after each question to a live head, waits for its answer on the line.</summary>
    private async Task RoundAsync()
    {
        for (var t = TimeSpan.Zero; t < _config.PollInterval(); t += _config.ResponseTimeout())
        {
            _rig.Time.Advance(_config.ResponseTimeout());
            if (_lineUp && _bus.Supervisor.Pending is { } asked && !_heads.IsSilent(asked.Address))
            {
                await Eventually.TrueAsync(() => _bus.Supervisor.PendingAnswered, $"head {asked.Address} to answer");
            }
        }
    }
}

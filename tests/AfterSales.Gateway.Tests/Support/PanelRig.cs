using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Panels;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// A panel session on one end of a real socat pseudo-terminal pair and a simulated panel on the other, reporting
/// through the real uplink to a real broker. Poll timers and reconnect backoff run on the rig's fake clock.
/// </summary>
internal sealed class PanelRig : IAsyncDisposable
{
    public const string PanelId = "panel-1";

    private readonly TempDirectory _directory = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SocatPair _cable;
    private SerialLink? _panelEnd;
    private Task _panelTask = Task.CompletedTask;
    private Task _sessionTask = Task.CompletedTask;

    private PanelRig(UplinkRig uplink, string protocol, int? missedPolls)
    {
        Uplink = uplink;
        _cable = new SocatPair(_directory.File("gateway-end"), _directory.File("panel-end"));
        Config = new PanelConfig { Id = PanelId, Protocol = protocol, Port = _cable.GatewayEnd, PollIntervalSeconds = 10, MissedPollsBeforeFault = missedPolls };
        Panel = PanelSimulator.Create(protocol, uplink.Time);
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), () => 0);
        Session = new PanelSession(Config, new SerialPortLinkFactory(), uplink.Reporter, uplink.Time, backoff, NullLogger.Instance);
    }

    public UplinkRig Uplink { get; }

    public PanelConfig Config { get; }

    public PanelSimulator Panel { get; }

    public PanelSession Session { get; }

    public static async Task<PanelRig> StartAsync(string protocol, int? missedPolls = null)
    {
        var rig = new PanelRig(await UplinkRig.StartAsync(), protocol, missedPolls);
        rig.PlugCable();
        rig._sessionTask = Task.Run(() => rig.Session.RunAsync(rig._stop.Token));
        await Eventually.TrueAsync(() => rig.Session.IsConnected, "the session to open its port");
        return rig;
    }

    /// <summary>Lets one poll interval pass on the fake clock: the session polls, checks its port and counts silence.</summary>
    public void PollIntervalPasses(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Uplink.Time.Advance(Config.PollInterval());
        }
    }

    /// <summary>socat goes away: both pseudo-terminals vanish, as when a USB adapter is unplugged.</summary>
    public void PullCable()
    {
        _cable.Stop();
        _panelEnd?.Dispose();
    }

    public void PlugCable()
    {
        _cable.Start();
        _panelEnd = new SerialPortLinkFactory().Open(_cable.DeviceEnd, 9600);
        var stream = _panelEnd.Stream;
        _panelTask = Task.Run(() => Panel.RunAsync(stream, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Session.Dispose();
        _panelEnd?.Dispose();
        await Task.WhenAll(_sessionTask, _panelTask).WaitAsync(TimeSpan.FromSeconds(10));
        Panel.Dispose();
        _cable.Dispose();
        await Uplink.DisposeAsync();
        _stop.Dispose();
        _directory.Dispose();
    }
}

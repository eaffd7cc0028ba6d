using System.Device.I2c;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Power;

public sealed class PowerWatcherTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedIna219 _chip = new(new I2cConnectionSettings(1, 0x40)) { BusVolts = 13.8 };
    private readonly InMemoryEventQueue _queue = new();
    private readonly PowerConfig _power = new() { DeviceId = "psu-main", HoldSeconds = 5, IntervalMilliseconds = 1000 };
    private bool _busBroken;
    private PowerWatcher? _watcher;

    [Fact]
    public void Watcher_SupplyFallsToBatteryLevel_RaisesMainsLossWithTheReading()
    {
        Start();

        _chip.BusVolts = 12.7;
        Run(TimeSpan.FromSeconds(6));

        var evt = Assert.Single(Drain());
        Assert.Equal((FaultCodes.PowerMainsLoss, FaultState.Raised, "psu-main", DeviceKind.Power), (evt.Fault, evt.State, evt.DeviceId, evt.DeviceKind));
        Assert.Equal(12.7, evt.Detail!.Value.GetProperty("supplyVolts").GetDouble(), 3);
        Assert.Equal(13.0, evt.Detail.Value.GetProperty("thresholdVolts").GetDouble());
    }

    [Fact]
    public void Watcher_BatteryRunsDownThenMainsReturns_RaisesBothThenClearsBoth()
    {
        Start();
        _chip.BusVolts = 12.5;
        Run(TimeSpan.FromSeconds(6));
        _chip.BusVolts = 11.2;
        Run(TimeSpan.FromSeconds(6));

        _chip.BusVolts = 13.7;
        Run(TimeSpan.FromSeconds(6));

        Assert.Equal(
            [(FaultCodes.PowerMainsLoss, FaultState.Raised), (FaultCodes.PowerUndervoltage, FaultState.Raised), (FaultCodes.PowerMainsLoss, FaultState.Cleared), (FaultCodes.PowerUndervoltage, FaultState.Cleared)],
            Drain().Select(e => (e.Fault, e.State)));
    }

    [Theory]
    [InlineData(13.8, new[] { FaultState.Cleared })]
    [InlineData(12.6, new FaultState[0])]
    public void Watcher_RestartedWithMainsLossOpen_ClearsItOnlyIfMainsCameBackMeanwhile(double volts, FaultState[] expected)
    {
        _chip.BusVolts = volts;
        Start(resume: [("psu-main", FaultCodes.PowerMainsLoss)]);
        Run(TimeSpan.FromSeconds(2));
        Assert.Empty(Drain());

        Run(TimeSpan.FromSeconds(6));

        Assert.Equal(expected.Select(state => (FaultCodes.PowerMainsLoss, state)), Drain().Select(e => (e.Fault, e.State)));
    }

    [Fact]
    public void Watcher_SirenInrushDipShorterThanHold_NoFault()
    {
        Start();

        _chip.BusVolts = 11.0;
        Run(TimeSpan.FromSeconds(3));
        _chip.BusVolts = 13.8;
        Run(TimeSpan.FromSeconds(10));

        Assert.Empty(Drain());
    }

    [Fact]
    public void Watcher_MainsLossFromRelayInstead_ReportsOnlyUndervoltage()
    {
        _power.DetectMainsLoss = false;
        Start();

        _chip.BusVolts = 11.0;
        Run(TimeSpan.FromSeconds(6));

        Assert.Equal([FaultCodes.PowerUndervoltage], Drain().Select(e => e.Fault));
    }

    [Fact]
    public void Watcher_BusErrorThenRecovers_KeepsWatching()
    {
        _busBroken = true;
        Start();
        Run(TimeSpan.FromSeconds(3));

        _busBroken = false;
        _chip.BusVolts = 12.0;
        Run(TimeSpan.FromSeconds(6));

        Assert.Equal([FaultCodes.PowerMainsLoss], Drain().Select(e => e.Fault));
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _chip.Dispose();
    }

    private void Start(IEnumerable<(string DeviceId, string Fault)>? resume = null)
    {
        var config = TestConfig.Gateway() with { Power = _power };
        var tracker = new FaultTracker(config.Identity, new CountingSequence(), _time);
        tracker.Resume(resume ?? []);
        var reporter = new FaultReporter(tracker, _queue, NullLogger<FaultReporter>.Instance);
        var buses = new BoardBuses(_ => _busBroken ? throw new IOException("Error 121 performing I2C data transfer") : _chip, _ => throw new NotSupportedException());
        _watcher = new PowerWatcher(config.Power!, buses, reporter, _time, NullLogger<PowerWatcher>.Instance);
        _watcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _time.Advance(TimeSpan.Zero);
    }

    private void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += _power.Interval)
        {
            _time.Advance(_power.Interval);
        }
    }

    private List<FaultEvent> Drain() => _queue.Drain();
}

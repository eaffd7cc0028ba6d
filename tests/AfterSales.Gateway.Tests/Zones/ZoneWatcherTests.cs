using System.Device.Spi;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Zones;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Zones;

public sealed class ZoneWatcherTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedMcp3008 _adc = new(new SpiConnectionSettings(0, 0));
    private readonly InMemoryEventQueue _queue = new();
    private readonly ZonesConfig _zones = new()
    {
        PollIntervalMilliseconds = 100,
        Channels =
        [
            new ZoneConfig { Channel = 0, DeviceId = "zone-001", Name = "Front door", DebounceMilliseconds = 500 },
            new ZoneConfig { Channel = 5, DeviceId = "zone-006", Name = "Warehouse PIR", DebounceMilliseconds = 500 },
        ],
    };

    private readonly ZoneWatcher _watcher;

    public ZoneWatcherTests()
    {
        Set(0, ZoneState.Normal);
        Set(5, ZoneState.Normal);
        var config = TestConfig.Gateway() with { Zones = _zones };
        var reporter = new FaultReporter(new FaultTracker(config.Identity, new CountingSequence(), _time), _queue, NullLogger<FaultReporter>.Instance);
        var buses = new BoardBuses(_ => throw new NotSupportedException(), _ => _adc);
        _watcher = new ZoneWatcher(config.Zones!, buses, reporter, _time, NullLogger<ZoneWatcher>.Instance);
        _watcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _time.Advance(TimeSpan.Zero);
    }

    [Fact]
    public void Watcher_DetectorCoverOpened_RaisesZoneTamperWithChannelAndVolts()
    {
        Set(5, ZoneState.Tamper);
        Run(TimeSpan.FromMilliseconds(600));

        var evt = Assert.Single(_queue.Drain());
        Assert.Equal((FaultCodes.ZoneTamper, FaultState.Raised, "zone-006", DeviceKind.Zone), (evt.Fault, evt.State, evt.DeviceId, evt.DeviceKind));
        Assert.Equal(5, evt.Detail!.Value.GetProperty("channel").GetInt32());
        Assert.Equal("Warehouse PIR", evt.Detail.Value.GetProperty("zone").GetString());
        Assert.Equal("tamper", evt.Detail.Value.GetProperty("state").GetString());
    }

    [Fact]
    public void Watcher_TamperThenCableCutThenRepaired_EachTicketShowsTheCurrentFault()
    {
        Set(0, ZoneState.Tamper);
        Run(TimeSpan.FromMilliseconds(600));
        Set(0, ZoneState.OpenCircuit);
        Run(TimeSpan.FromMilliseconds(600));
        Set(0, ZoneState.Normal);
        Run(TimeSpan.FromMilliseconds(600));

        Assert.Equal(
            [(FaultCodes.ZoneTamper, FaultState.Raised), (FaultCodes.ZoneTamper, FaultState.Cleared), (FaultCodes.ZoneOpenCircuit, FaultState.Raised), (FaultCodes.ZoneOpenCircuit, FaultState.Cleared)],
            _queue.Drain().Select(e => (e.Fault, e.State)));
    }

    [Fact]
    public void Watcher_ShortedCable_RaisesShortCircuit()
    {
        Set(0, ZoneState.ShortCircuit);
        Run(TimeSpan.FromMilliseconds(600));

        Assert.Equal([FaultCodes.ZoneShortCircuit], _queue.Drain().Select(e => e.Fault));
    }

    [Fact]
    public void Watcher_DoorOpened_IsAnAlarmNotAMaintenanceFault()
    {
        Set(0, ZoneState.Alarm);
        Run(TimeSpan.FromSeconds(2));

        Assert.Empty(_queue.Drain());
    }

    [Fact]
    public void Watcher_GlitchShorterThanDebounce_NoFault()
    {
        Set(0, ZoneState.OpenCircuit);
        Run(TimeSpan.FromMilliseconds(300));
        Set(0, ZoneState.Normal);
        Run(TimeSpan.FromSeconds(2));

        Assert.Empty(_queue.Drain());
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _adc.Dispose();
    }

    private void Set(int channel, ZoneState state) => _adc.SetVolts(channel, _zones.Bands.Nominal(state, _zones.ReferenceVolts));

    private void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += _zones.PollInterval)
        {
            _time.Advance(_zones.PollInterval);
        }
    }
}

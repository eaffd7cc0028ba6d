using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Faults;

public sealed class FaultReporterTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Report_OutboxAtBudget_RefusedChangeIsForgottenAndOutboxFullRaisedOnce()
    {
        var config = TestConfig.Gateway();
        using var outbox = new SqliteOutbox(_state.Path, new OutboxBudget(4_000));
        var tracker = new FaultTracker(config, new CountingSequence(), _time);
        var reporter = new FaultReporter(tracker, outbox, NullLogger<FaultReporter>.Instance);
        var alarm = new OutboxFullAlarm(outbox, reporter, config, _time, NullLogger<OutboxFullAlarm>.Instance);
        await alarm.StartAsync(CancellationToken.None);

        var device = 0;
        while (reporter.Report(Zone(device, active: true)))
        {
            device++;
        }

        // The refused raise is not active in the tracker: seeing it again once there is room reports it.
        Assert.DoesNotContain(tracker.Active(), a => a.DeviceId == $"zone-{device}");
        var stored = outbox.ReadBatch(1000).Select(e => PayloadCodec.DecodeFaultEvent(e.Payload).Value!).ToList();
        var alarmEvent = Assert.Single(stored, e => e.Fault == FaultCodes.GatewayOutboxFull);
        Assert.Equal(FaultState.Raised, alarmEvent.State);
        Assert.Equal(config.GatewayId, alarmEvent.DeviceId);
        Assert.Equal(DeviceKind.Gateway, alarmEvent.DeviceKind);
        Assert.False(reporter.Report(Zone(device + 1, active: true)));

        foreach (var entry in outbox.ReadBatch(1000))
        {
            outbox.Acknowledge(entry);
        }

        var cleared = PayloadCodec.DecodeFaultEvent(outbox.ReadBatch(10).Single().Payload).Value!;
        Assert.Equal((FaultCodes.GatewayOutboxFull, FaultState.Cleared), (cleared.Fault, cleared.State));
        Assert.True(reporter.Report(Zone(device, active: true)));
    }

    private FaultObservation Zone(int n, bool active) =>
        new($"zone-{n}", DeviceKind.Zone, FaultCodes.ZoneTrouble, active, FaultSeverity.Major, _time.GetUtcNow());
}

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
    public async Task Report_OutboxAtBudget_RefusedChangesReportedOnceThereIsRoomAndOutboxFullRaisedOnce()
    {
        var config = TestConfig.Gateway();
        using var outbox = new SqliteOutbox(_state.Path, new OutboxBudget(4_000));
        var tracker = new FaultTracker(config.Identity, new CountingSequence(), _time);
        var reporter = new FaultReporter(tracker, outbox, NullLogger<FaultReporter>.Instance);
        var alarm = new OutboxFullAlarm(outbox, reporter, config.Identity, _time, NullLogger<OutboxFullAlarm>.Instance);
        await alarm.StartAsync(CancellationToken.None);

        var device = 0;
        while (reporter.Report(Zone(device, active: true)))
        {
            device++;
        }

        var refusedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));

        // The refused raise is not active in the tracker: seeing it again once there is room reports it.
        Assert.DoesNotContain(tracker.Active(), a => a.DeviceId == $"zone-{device}");
        var stored = outbox.ReadBatch(1000).Select(e => PayloadCodec.DecodeFaultEvent(e.Payload).Value!).ToList();
        var alarmEvent = Assert.Single(stored, e => e.Fault == FaultCodes.GatewayOutboxFull);
        Assert.Equal(FaultState.Raised, alarmEvent.State);
        Assert.Equal(config.GatewayId, alarmEvent.DeviceId);
        Assert.Equal(DeviceKind.Gateway, alarmEvent.DeviceKind);
        Assert.False(reporter.Report(Zone(device + 1, active: true)));
        Assert.False(reporter.Report(Zone(device + 2, active: true)));

        // zone-(n+2) went back to normal while the outbox was full: the cloud never heard of it and need not.
        Assert.False(reporter.Report(Zone(device + 2, active: false)));

        foreach (var entry in outbox.ReadBatch(1000))
        {
            outbox.Acknowledge(entry);
        }

        // With a budget this small the retried raises fill it again for a moment (the alarm may flap once more);
        // what matters is that both still-active refused raises arrive, with the time they were seen, and the alarm ends cleared.
        var after = outbox.ReadBatch(100).Select(e => PayloadCodec.DecodeFaultEvent(e.Payload).Value!).ToList();
        var zones = after.Where(e => e.Fault == FaultCodes.ZoneTrouble).ToList();
        Assert.Equal([($"zone-{device}", FaultState.Raised), ($"zone-{device + 1}", FaultState.Raised)], zones.Select(e => (e.DeviceId, e.State)));
        Assert.Equal(refusedAt, zones[0].OccurredAt);
        Assert.Equal(FaultState.Cleared, after.Last(e => e.Fault == FaultCodes.GatewayOutboxFull).State);
        Assert.False(reporter.Report(Zone(device, active: true)));
    }

    private FaultObservation Zone(int n, bool active) =>
        new($"zone-{n}", DeviceKind.Zone, FaultCodes.ZoneTrouble, active, FaultSeverity.Major, _time.GetUtcNow());
}

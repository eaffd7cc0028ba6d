using System.Text.Json;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Faults;

public sealed class FaultTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly FaultTracker _tracker;
    private readonly AfterSales.Gateway.Inputs.InputConfig _input = TestConfig.Input(pin: 17);

    public FaultTrackerTests()
    {
        _tracker = new FaultTracker(TestConfig.Gateway(_input).Identity, new CountingSequence(), _time);
    }

    [Fact]
    public void Apply_RaisedTwice_ProducesOneEvent()
    {
        var first = _tracker.Observe(Change(fault: true).ToObservation());
        var second = _tracker.Observe(Change(fault: true).ToObservation());

        Assert.NotNull(first);
        Assert.Equal(FaultState.Raised, first.State);
        Assert.Null(second);
        Assert.Equal(1, _tracker.ActiveCount);
    }

    [Fact]
    public void Observe_EachEventNamesTheSeqBeforeIt_ZeroAfterStartAndSkippingARefusedOne()
    {
        var first = _tracker.Observe(Change(fault: true).ToObservation())!;
        var second = _tracker.Observe(Change(fault: false).ToObservation())!;
        var refused = _tracker.Observe(Change(fault: true).ToObservation())!;
        _tracker.Revert(refused);
        var next = _tracker.Observe(Change(fault: true).ToObservation())!;

        Assert.Equal(0, first.PrevSeq);
        Assert.Equal(first.Seq, second.PrevSeq);
        Assert.Equal(second.Seq, next.PrevSeq);
    }

    [Fact]
    public void Apply_ClearAfterRaise_ProducesOneClearedEvent()
    {
        _tracker.Observe(Change(fault: true).ToObservation());

        var cleared = _tracker.Observe(Change(fault: false).ToObservation());
        var again = _tracker.Observe(Change(fault: false).ToObservation());

        Assert.NotNull(cleared);
        Assert.Equal(FaultState.Cleared, cleared.State);
        Assert.Null(again);
        Assert.Equal(0, _tracker.ActiveCount);
    }

    [Fact]
    public void Apply_ClearWhenNotActive_ProducesNothing()
    {
        Assert.Null(_tracker.Observe(Change(fault: false).ToObservation()));
    }

    [Fact]
    public void Apply_SeveralTransitions_SeqStrictlyIncreases()
    {
        var seqs = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            seqs.Add(_tracker.Observe(Change(fault: i % 2 == 0).ToObservation())!.Seq);
        }

        Assert.Equal([1L, 2L, 3L, 4L], seqs);
    }

    [Fact]
    public void Apply_Raise_EventCarriesConfiguredIdentityAndPassesTheWireRules()
    {
        var confirmedAt = _time.GetUtcNow();

        var evt = _tracker.Observe(Change(fault: true).ToObservation())!;

        Assert.Equal(FaultEvent.SchemaV1, evt.Schema);
        Assert.Equal("site-001", evt.SiteId);
        Assert.Equal("gw-001", evt.GatewayId);
        Assert.Equal("panel", evt.DeviceId);
        Assert.Equal(DeviceKind.Panel, evt.DeviceKind);
        Assert.Equal(FaultCodes.PanelAcLoss, evt.Fault);
        Assert.Equal(FaultSeverity.Major, evt.Severity);
        Assert.Equal(confirmedAt, evt.OccurredAt);
        Assert.Equal(TimeSpan.Zero, evt.OccurredAt.Offset);
        Assert.Equal(7, evt.EventId.Version);
        Assert.Equal(17, evt.Detail!.Value.GetProperty("pin").GetInt32());
        Assert.Equal("normallyClosed", evt.Detail.Value.GetProperty("contact").GetString());
        Assert.True(PayloadCodec.DecodeFaultEvent(PayloadCodec.Encode(evt)).IsValid);
    }

    [Fact]
    public void Apply_ExplicitSeverity_OverridesTaxonomyDefault()
    {
        var input = TestConfig.Input(pin: 5, severity: FaultSeverity.Critical);
        var tracker = new FaultTracker(TestConfig.Gateway(input).Identity, new CountingSequence(), _time);

        var evt = tracker.Observe(new InputChange(input, true, _time.GetUtcNow()).ToObservation())!;

        Assert.Equal(FaultSeverity.Critical, evt.Severity);
    }

    [Fact]
    public void Apply_TwoEventsAtTheSameInstant_GetDistinctEventIds()
    {
        var raised = _tracker.Observe(Change(fault: true).ToObservation())!;
        var cleared = _tracker.Observe(Change(fault: false).ToObservation())!;

        Assert.NotEqual(raised.EventId, cleared.EventId);
        Assert.Equal(JsonValueKind.Object, cleared.Detail!.Value.ValueKind);
    }

    [Fact]
    public void Observe_ASecondWatcherOnTheSameDevice_TracksEachFaultOnItsOwn()
    {
        var at = _time.GetUtcNow();
        var offline = new FaultObservation("cam-03", DeviceKind.Camera, FaultCodes.CameraOffline, true, FaultSeverity.Major, at);
        var drift = offline with { Fault = FaultCodes.CameraClockDrift, Severity = FaultSeverity.Minor };

        var first = _tracker.Observe(offline);
        var repeated = _tracker.Observe(offline);
        var other = _tracker.Observe(drift);
        var cleared = _tracker.Observe(offline with { IsActive = false });

        Assert.Equal(("cam-03", DeviceKind.Camera, FaultState.Raised), (first!.DeviceId, first.DeviceKind, first.State));
        Assert.Null(repeated);
        Assert.Equal(FaultSeverity.Minor, other!.Severity);
        Assert.Equal(FaultState.Cleared, cleared!.State);
        Assert.Equal(1, _tracker.ActiveCount);
    }

    private InputChange Change(bool fault) => new(_input, fault, _time.GetUtcNow());
}

using System.Device.Gpio;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Inputs;

public sealed class InputWatcherTests
{
    [Fact]
    public void Watcher_NormallyClosedPinGoesHighAndHolds_QueuesOneRaisedEventForConfiguredDevice()
    {
        using var rig = new InputRig(TestConfig.Input(pin: 17, fault: FaultCodes.PanelAcLoss, deviceId: "panel"));
        rig.Inputs.SetAllHealthy();
        rig.Start();
        rig.Advance(TimeSpan.FromSeconds(1));

        rig.Driver.SetLevel(17, PinValue.High);
        rig.Advance(TimeSpan.FromSeconds(1));

        var evt = Assert.Single(rig.Drain());
        Assert.Equal("panel", evt.DeviceId);
        Assert.Equal(FaultCodes.PanelAcLoss, evt.Fault);
        Assert.Equal(FaultSeverity.Major, evt.Severity);
        Assert.Equal(FaultState.Raised, evt.State);
        Assert.Equal(1, rig.Tracker.ActiveCount);
    }

    [Theory]
    [InlineData(false, new[] { FaultState.Cleared })]
    [InlineData(true, new FaultState[0])]
    public void Watcher_RestartedWithAFaultTheCloudHasOpen_ClearsItOnlyIfTheInputHealedMeanwhile(bool stillInFault, FaultState[] expected)
    {
        using var rig = new InputRig(TestConfig.Input(pin: 17, fault: FaultCodes.PanelAcLoss, deviceId: "panel", debounceMs: 200));
        rig.Tracker.Resume([("panel", FaultCodes.PanelAcLoss)]);
        rig.Inputs.SetAllHealthy();
        if (stillInFault)
        {
            rig.Driver.SetLevel(17, PinValue.High);
        }

        rig.Start();
        rig.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Empty(rig.Drain());

        // Not before the debounce time: a contact still in fault must not be cleared for a moment and raised again.
        rig.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(expected, rig.Drain().Select(e => e.State));
        Assert.Equal(stillInFault ? 1 : 0, rig.Tracker.ActiveCount);
    }

    [Fact]
    public void Watcher_GlitchShorterThanDebounce_QueuesNothing()
    {
        using var rig = new InputRig(TestConfig.Input(pin: 17, debounceMs: 200));
        rig.Inputs.SetAllHealthy();
        rig.Start();

        rig.Driver.SetLevel(17, PinValue.High);
        rig.Advance(TimeSpan.FromMilliseconds(100));
        rig.Driver.SetLevel(17, PinValue.Low);
        rig.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(rig.Drain());
    }

    [Fact]
    public void Watcher_NormallyOpenPinPulledLowThenReleased_QueuesRaisedThenCleared()
    {
        using var rig = new InputRig(TestConfig.Input(pin: 22, contact: ContactType.NormallyOpen, fault: FaultCodes.PowerMainsLoss, deviceId: "psu-1", kind: DeviceKind.Power));
        rig.Inputs.SetAllHealthy();
        rig.Start();

        rig.Driver.SetLevel(22, PinValue.Low);
        rig.Advance(TimeSpan.FromSeconds(1));
        rig.Driver.SetLevel(22, PinValue.High);
        rig.Advance(TimeSpan.FromSeconds(1));

        var events = rig.Drain();
        Assert.Equal([FaultState.Raised, FaultState.Cleared], events.Select(e => e.State));
        Assert.True(events[1].Seq > events[0].Seq);
    }

    [Fact]
    public void Watcher_InputAlreadyInFaultAtStartUp_RaisesItOnce()
    {
        // Nothing drives the pin, so the pull-up holds it High: an open normally-closed loop.
        using var rig = new InputRig(TestConfig.Input(pin: 17));
        rig.Start();

        rig.Advance(TimeSpan.FromSeconds(5));

        var evt = Assert.Single(rig.Drain());
        Assert.Equal(FaultState.Raised, evt.State);
    }

    [Fact]
    public void Watcher_RaisedEvent_OccurredAtIsTheConfirmationTime()
    {
        using var rig = new InputRig(TestConfig.Input(pin: 17, debounceMs: 200));
        rig.Inputs.SetAllHealthy();
        rig.Start();
        var changedAt = rig.Time.GetUtcNow();

        rig.Driver.SetLevel(17, PinValue.High);
        rig.Advance(TimeSpan.FromSeconds(1));

        var evt = Assert.Single(rig.Drain());
        Assert.InRange(evt.OccurredAt, changedAt.AddMilliseconds(200), changedAt.AddMilliseconds(220));
    }

    [Fact]
    public void Watcher_DriverWithoutEdgeEvents_PollsAndQueuesOneRaisedEvent()
    {
        using var rig = new InputRig(edgeEvents: false, TestConfig.Input(pin: 17, fault: FaultCodes.PanelAcLoss, deviceId: "panel"));
        rig.Inputs.SetAllHealthy();
        rig.Start();
        rig.Advance(TimeSpan.FromSeconds(1));

        rig.Driver.SetLevel(17, PinValue.High);
        rig.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FaultState.Raised, Assert.Single(rig.Drain()).State);
    }

    [Fact]
    public void Watcher_EdgeEvent_ConfirmedWhenTheDebounceEndsNotAtTheNextPoll()
    {
        using var rig = new InputRig(TestConfig.Input(pin: 17, debounceMs: 200));
        rig.Inputs.SetAllHealthy();
        rig.Start();
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        rig.Drain();
        var changedAt = rig.Time.GetUtcNow();

        rig.Driver.SetLevel(17, PinValue.High);
        rig.Time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Empty(rig.Drain());
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));

        // Polling alone would not look again until the next safety poll, up to a second later.
        var evt = Assert.Single(rig.Drain());
        Assert.Equal(changedAt.AddMilliseconds(200), evt.OccurredAt);
    }

    [Fact]
    public void Watcher_EdgeWithNoDebounce_QueuedBeforeTheCallReturns()
    {
        using var rig = new InputRig(TestConfig.Input(pin: 17, debounceMs: 0));
        rig.Inputs.SetAllHealthy();
        rig.Start();
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        rig.Drain();

        rig.Driver.SetLevel(17, PinValue.High);

        Assert.Equal(FaultState.Raised, Assert.Single(rig.Drain()).State);
    }
}

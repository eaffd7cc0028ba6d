using AfterSales.Gateway.Simulation.Panels;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Panels;

/// <summary>Each serial panel protocol over a real pseudo-terminal pair, with its faults arriving on a real broker.</summary>
public sealed class PanelSessionTests
{
    private const string Panel = PanelRig.PanelId;

    [Theory]
    [InlineData("dsc-it100")]
    [InlineData("paradox-prt3")]
    [InlineData("ad2")]
    [InlineData("contact-id")]
    public async Task Session_PanelLosesAndRegainsMains_AcLossRaisedThenClearedOnBroker(string protocol)
    {
        await using var rig = await PanelRig.StartAsync(protocol);

        rig.Panel.SetTrouble(SimulatedTrouble.AcLoss, true);
        var raised = await rig.Uplink.NextEventAsync(Panel);
        rig.Panel.SetTrouble(SimulatedTrouble.AcLoss, false);
        var cleared = await rig.Uplink.NextEventAsync(Panel);

        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Raised, DeviceKind.Panel), (raised.Fault, raised.State, raised.DeviceKind));
        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Cleared), (cleared.Fault, cleared.State));
        Assert.Contains(protocol, raised.Detail!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dsc-it100", FaultCodes.ZoneTrouble)]
    [InlineData("paradox-prt3", FaultCodes.ZoneTrouble)]
    [InlineData("contact-id", FaultCodes.ZoneTrouble)]
    public async Task Session_ZoneTroubleAndRestore_ReportedOnThePanelsZone(string protocol, string fault)
    {
        await using var rig = await PanelRig.StartAsync(protocol);

        rig.Panel.SetTrouble(SimulatedTrouble.ZoneTrouble, true);
        var raised = await rig.Uplink.NextEventAsync();
        rig.Panel.SetTrouble(SimulatedTrouble.ZoneTrouble, false);
        var cleared = await rig.Uplink.NextEventAsync();

        Assert.Equal(("panel-1.zone-005", DeviceKind.Zone, fault, FaultState.Raised), (raised.DeviceId, raised.DeviceKind, raised.Fault, raised.State));
        Assert.Equal(("panel-1.zone-005", FaultState.Cleared), (cleared.DeviceId, cleared.State));
    }

    [Theory]
    [InlineData("dsc-it100")]
    [InlineData("paradox-prt3")]
    [InlineData("ad2")]
    [InlineData("contact-id")]
    public async Task Session_CorruptFrame_CountedAndNeverBecomesAFault(string protocol)
    {
        await using var rig = await PanelRig.StartAsync(protocol);

        rig.Panel.SendCorruptFrame();
        await Eventually.TrueAsync(() => rig.Session.CorruptFrames == 1, "the corrupt frame to be counted");
        rig.Panel.SetTrouble(SimulatedTrouble.LowBattery, true);

        // The first event the cloud sees is the real trouble after the corrupt frame: nothing came of the corrupt one.
        var first = await rig.Uplink.NextEventAsync();
        Assert.Equal((FaultCodes.PanelLowBattery, FaultState.Raised), (first.Fault, first.State));
        Assert.True(rig.Session.IsConnected);
        Assert.Equal(1, rig.Session.CorruptFrames);
    }

    [Theory]
    [InlineData("dsc-it100")]
    [InlineData("paradox-prt3")]
    [InlineData("ad2")]
    public async Task Session_PanelStopsAnswering_CommFailAfterMissedPollsClearedWhenItAnswersAgain(string protocol)
    {
        await using var rig = await PanelRig.StartAsync(protocol, missedPolls: 2);
        await Eventually.TrueAsync(() => rig.Session.GoodFrames > 0, "the panel's first answer");

        rig.Panel.Silent = true;
        rig.PollIntervalPasses(); // the interval that still held the first answer
        rig.PollIntervalPasses();
        Assert.Equal(0, rig.Uplink.Queue.Count + rig.Uplink.Tracker.ActiveCount);
        rig.PollIntervalPasses();
        var raised = await rig.Uplink.NextEventAsync(Panel);
        rig.Panel.Silent = false;
        rig.PollIntervalPasses();
        var cleared = await rig.Uplink.NextEventAsync(Panel);

        Assert.Equal((FaultCodes.PanelCommFail, FaultState.Raised), (raised.Fault, raised.State));
        Assert.Equal((FaultCodes.PanelCommFail, FaultState.Cleared), (cleared.Fault, cleared.State));
    }

    [Theory]
    [InlineData("dsc-it100")]
    [InlineData("paradox-prt3")]
    [InlineData("ad2")]
    [InlineData("contact-id")]
    public async Task Session_PortVanishesAndComesBack_OfflineRaisedThenClearedAndTroublesFlowAgain(string protocol)
    {
        await using var rig = await PanelRig.StartAsync(protocol);

        rig.PullCable();
        await Eventually.TrueAsync(() => !rig.Session.IsConnected, "the session to notice the port is gone", () => rig.PollIntervalPasses());
        var offline = await rig.Uplink.NextEventAsync(Panel);
        rig.PlugCable();
        await Eventually.TrueAsync(() => rig.Session.IsConnected, "the session to reopen the port", () => rig.Uplink.Time.Advance(TimeSpan.FromSeconds(1)));
        var back = await rig.Uplink.NextEventAsync(Panel);
        rig.Panel.SetTrouble(SimulatedTrouble.AcLoss, true);
        var acLoss = await rig.Uplink.NextEventAsync();

        Assert.Equal((FaultCodes.PanelOffline, FaultState.Raised), (offline.Fault, offline.State));
        Assert.Equal((FaultCodes.PanelOffline, FaultState.Cleared), (back.Fault, back.State));
        Assert.Equal((FaultCodes.PanelAcLoss, FaultState.Raised), (acLoss.Fault, acLoss.State));
    }
}

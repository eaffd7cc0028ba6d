using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tests.Unit;

public class TicketRulesTests
{
    private static FaultEvent Event(FaultState state, long seq, string gateway = "gw-1") => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.NewGuid(),
        SiteId = "site-a",
        GatewayId = gateway,
        Seq = seq,
        DeviceId = "zone-3",
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UnixEpoch,
    };

    private static Ticket Open(long lastSeq) => TicketMaker.Open(Event(FaultState.Raised, lastSeq));

    [Fact]
    public void Decide_RaiseWithoutOpenTicket_Opens() =>
        Assert.Equal(TicketAction.Open, TicketRules.Decide(null, Event(FaultState.Raised, 1)));

    [Fact]
    public void Decide_RaiseWithOpenTicket_Attaches() =>
        Assert.Equal(TicketAction.Attach, TicketRules.Decide(Open(1), Event(FaultState.Raised, 2)));

    [Fact]
    public void Decide_ClearWithOpenTicket_Restores() =>
        Assert.Equal(TicketAction.Restore, TicketRules.Decide(Open(1), Event(FaultState.Cleared, 2)));

    [Fact]
    public void Decide_ClearWithoutOpenTicket_IsOrphan() =>
        Assert.Equal(TicketAction.Orphan, TicketRules.Decide(null, Event(FaultState.Cleared, 2)));

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public void Decide_SeqNotNewerThanTicket_IsStale(long seq) =>
        Assert.Equal(TicketAction.Stale, TicketRules.Decide(Open(5), Event(FaultState.Cleared, seq)));

    [Fact]
    public void Decide_OlderSeqFromAnotherGateway_IsNotStale() =>
        Assert.Equal(TicketAction.Restore, TicketRules.Decide(Open(5), Event(FaultState.Cleared, 1, gateway: "gw-2")));

    [Fact]
    public void Decide_CloudRaisedEventWithSeqZero_IsNeverStale() =>
        Assert.Equal(TicketAction.Restore, TicketRules.Decide(Open(5), Event(FaultState.Cleared, 0)));
}

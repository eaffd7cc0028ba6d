using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>Tickets for tests that need one without a database: opened the way the desk opens them.</summary>
internal static class TicketMaker
{
    public static FaultEvent Raised(string site, string device, DeviceKind kind, string fault, DateTimeOffset at, long seq = 0, string gateway = "gw-1") => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.NewGuid(),
        SiteId = site,
        GatewayId = gateway,
        Seq = seq,
        DeviceId = device,
        DeviceKind = kind,
        Fault = fault,
        State = FaultState.Raised,
        Severity = FaultSeverity.Major,
        OccurredAt = at,
    };

    public static Ticket Open(FaultEvent raised, string zone = "ring-1") =>
        Ticket.Open(raised, raised.OccurredAt, new ArrivalAssessment(null, zone, null, null, false, string.Empty));
}

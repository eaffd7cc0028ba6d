using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>A ticket as the API and the web page show it.</summary>
public sealed record TicketView(
    long Id,
    string SiteId,
    string SiteName,
    string DeviceId,
    DeviceKind DeviceKind,
    string Fault,
    FaultSeverity Severity,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset? RestoredAt,
    string Zone,
    double? DistanceKm,
    DateTimeOffset? ArrivalDeadline,
    double? TimeLeftSeconds,
    bool NeedsHuman,
    int RaiseCount);

using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>A ticket as the API and the web pages show it.</summary>
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
    int RaiseCount)
{
    public TicketStatus Status { get; init; }

    public string? TechnicianId { get; init; }

    public string? TechnicianName { get; init; }

    public string? SiteAddress { get; init; }

    public string? ContactPhone { get; init; }

    public string? Customer { get; init; }

    public DateTimeOffset? AcknowledgeDeadline { get; init; }

    public DateTimeOffset? ResolutionDeadline { get; init; }

    /// <summary>The deadline that matters now: acknowledge, then arrive, then resolve.</summary>
    public DateTimeOffset? NextDeadline { get; init; }

    public string? NextTarget { get; init; }

    /// <summary>ok, warning-50, warning-75, breached, paused, human, done.</summary>
    public string SlaState { get; init; } = "ok";

    public bool Intermittent { get; init; }

    public int RepeatCount { get; init; }

    public bool SelfRestored { get; init; }

    public long? IncidentId { get; init; }

    public bool FollowsRootCause { get; init; }

    public bool Paused { get; init; }

    public bool LoanerRequired { get; init; }

    public string? Resolution { get; init; }

    public int Visit { get; init; }

    /// <summary>The device's model and serial number from the site's inventory (the job's registration carries them); null when the inventory has none.</summary>
    public string? DeviceModel { get; init; }

    public string? DeviceSerial { get; init; }

    /// <summary>When the job was closed (the customer signed and the technician closed it); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the technician told the customer he would arrive (docs/service-rules.md §1.13).</summary>
    public DateTimeOffset? PromisedArrivalAt { get; init; }
}

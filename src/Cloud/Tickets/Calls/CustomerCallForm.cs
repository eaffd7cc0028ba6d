using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets.Calls;

/// <summary>What the dispatcher types while the customer is on the line.</summary>
/// <param name="DeviceId">An inventory device of the site, or null when the caller cannot say which.</param>
/// <param name="DeviceKind">What kind of device it is about, when <paramref name="DeviceId"/> is null.</param>
/// <param name="MinutesAgo">How long ago the call came in (0: now); the SLA clock starts then.</param>
public sealed record CustomerCallForm(
    string? SiteId,
    string? DeviceId,
    DeviceKind? DeviceKind,
    FaultSeverity Severity,
    string? Symptom,
    string? CallerName,
    string? CallbackPhone,
    int MinutesAgo = 0);

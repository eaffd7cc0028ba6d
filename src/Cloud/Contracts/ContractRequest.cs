using AfterSales.Cloud.Sla;

namespace AfterSales.Cloud.Contracts;

/// <summary>
/// What a dispatcher may say about a new contract. The record id and the expiry-notice mark are
/// the server's (docs/security.md, "Server-set fields"): a client sending them is ignored, never obeyed.
/// </summary>
internal sealed record ContractRequest(
    string Number,
    string SiteId,
    DateOnly StartsOn,
    DateOnly EndsOn,
    ServiceCategory Category = ServiceCategory.Contract,
    int InspectEveryMonths = 1,
    double? AcknowledgeMinutes = null,
    double? ArrivalHours = null,
    double? RepairHours = null,
    string? ContactEmails = null,
    string? ContactName = null,
    ContractClock Clock = ContractClock.BySeverity)
{
    public MaintenanceContract ToContract() => new()
    {
        Number = Number?.Trim() is { Length: > 0 } number ? number : throw new ArgumentException("A contract needs its number."),
        SiteId = SiteId ?? throw new ArgumentException("A contract needs its site."),
        StartsOn = StartsOn,
        EndsOn = EndsOn,
        Category = Category,
        InspectEveryMonths = InspectEveryMonths,
        AcknowledgeMinutes = AcknowledgeMinutes,
        ArrivalHours = ArrivalHours,
        RepairHours = RepairHours,
        ContactEmails = ContactEmails ?? string.Empty,
        ContactName = ContactName,
        Clock = Clock,
    };
}

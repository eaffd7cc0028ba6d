using AfterSales.Cloud.Sla;

namespace AfterSales.Cloud.Contracts;

/// <summary>
/// A site's maintenance contract: its period, category, how often the site is inspected and the
/// service targets it overrides. Null targets fall back to the company's policy.
/// </summary>
public sealed class MaintenanceContract
{
    public long Id { get; set; }

    public required string Number { get; set; }

    public required string SiteId { get; set; }

    public ServiceCategory Category { get; set; } = ServiceCategory.Contract;

    public DateOnly StartsOn { get; set; }

    /// <summary>The last day covered (inclusive).</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>1 = monthly (月检); 3 = quarterly; 6 = every six months, as the contract says.</summary>
    public int InspectEveryMonths { get; set; } = 1;

    public double? AcknowledgeMinutes { get; set; }

    public double? ArrivalHours { get; set; }

    /// <summary>The resolution term: the fault fixed within this many hours of the clock start.</summary>
    public double? RepairHours { get; set; }

    /// <summary>The clock its deadlines run on: 24 h, business hours, or the company's rule by severity.</summary>
    public ContractClock Clock { get; set; } = ContractClock.BySeverity;

    /// <summary>Where reports and notices go: e-mail addresses separated by commas or semicolons.</summary>
    public string ContactEmails { get; set; } = string.Empty;

    public string? ContactName { get; set; }

    /// <summary>Set once the 30-day expiry notice was sent, so a restart never sends it twice; only <see cref="ExpiryNoticeHandled"/> sets it.</summary>
    public DateTimeOffset? ExpiryNoticeSentAt { get; private set; }

    /// <summary>The expiry notice went out, or a renewal made it unnecessary: either way it is never sent again.</summary>
    public void ExpiryNoticeHandled(DateTimeOffset at)
    {
        if (ExpiryNoticeSentAt is not null)
        {
            throw new InvalidOperationException($"Contract {Number}: the expiry notice was handled at {ExpiryNoticeSentAt:u} already.");
        }

        ExpiryNoticeSentAt = at;
    }
}

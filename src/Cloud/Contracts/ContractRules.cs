using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Sla;

namespace AfterSales.Cloud.Contracts;

/// <summary>Pure contract arithmetic: coverage, inspection months and the expiry notice (seed 000 ❾ 第二十条).</summary>
public static class ContractRules
{
    public const int DefaultNoticeDays = 30;

    public static bool Covers(MaintenanceContract contract, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return day >= contract.StartsOn && day <= contract.EndsOn;
    }

    /// <summary>
    /// The contract whose service terms apply on a day: of those covering it, the one that started
    /// last (a renewal overlapping the old contract takes over on its first day); null when none
    /// covers the day (docs/service-rules.md §1.8).
    /// </summary>
    public static MaintenanceContract? InForce(IEnumerable<MaintenanceContract> contracts, DateOnly day) =>
        contracts.Where(c => Covers(c, day)).OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).FirstOrDefault();

    /// <summary>What the SLA engine reads of a contract.</summary>
    public static ContractTerms Terms(MaintenanceContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new ContractTerms(contract.Number, contract.AcknowledgeMinutes, contract.ArrivalHours, contract.RepairHours, contract.Clock);
    }

    /// <summary>Why a contract cannot be saved, or null: a term, when set, is a positive figure, and resolution does not come before arrival.</summary>
    public static string? Problem(MaintenanceContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (string.IsNullOrWhiteSpace(contract.Number) || string.IsNullOrWhiteSpace(contract.SiteId))
        {
            return "A contract needs a number and a site.";
        }

        if (contract.EndsOn < contract.StartsOn || contract.InspectEveryMonths is < 1 or > 12)
        {
            return "A contract ends after it starts and inspects every 1 to 12 months.";
        }

        if (contract.AcknowledgeMinutes is <= 0 or > 1440)
        {
            return "The acknowledge term is between 1 minute and 24 hours (1440 minutes).";
        }

        if (contract.ArrivalHours is <= 0 or > 720 || contract.RepairHours is <= 0 or > 720)
        {
            return "Arrival and resolution terms are positive hours, at most 720 (30 days).";
        }

        if (contract.ArrivalHours is { } arrive && contract.RepairHours is { } repair && repair < arrive)
        {
            return "The resolution term cannot be shorter than the arrival term: the fault is fixed after the technician arrives.";
        }

        return Enum.IsDefined(contract.Clock) ? null : "The clock is BySeverity, AroundTheClock or BusinessHours.";
    }

    /// <summary>True when any day of the month is covered.</summary>
    public static bool CoversMonth(MaintenanceContract contract, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var first = ServiceMonth.FirstOfMonth(month);
        return contract.StartsOn <= first.AddMonths(1).AddDays(-1) && contract.EndsOn >= first;
    }

    /// <summary>
    /// Inspections fall on the contract's start month and every <c>InspectEveryMonths</c> after it,
    /// so a quarterly contract starting in February is inspected in Feb, May, Aug, Nov.
    /// </summary>
    public static bool InspectionDue(MaintenanceContract contract, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Category is ServiceCategory.Internal or ServiceCategory.Paid || !CoversMonth(contract, month))
        {
            return false;
        }

        var every = Math.Max(1, contract.InspectEveryMonths);
        var elapsed = ((month.Year - contract.StartsOn.Year) * 12) + month.Month - contract.StartsOn.Month;
        return elapsed >= 0 && elapsed % every == 0;
    }

    /// <summary>The notice goes out once, from <paramref name="noticeDays"/> days before the end until the end.</summary>
    public static bool ExpiryNoticeDue(MaintenanceContract contract, DateOnly today, int noticeDays = DefaultNoticeDays)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.ExpiryNoticeSentAt is null
            && today <= contract.EndsOn
            && today >= contract.EndsOn.AddDays(-noticeDays);
    }

    public static IReadOnlyList<string> Emails(MaintenanceContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.ContactEmails.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static string Letter(ServiceCategory category) => category switch
    {
        ServiceCategory.Paid => "A",
        ServiceCategory.Contract => "B",
        ServiceCategory.Warranty => "C",
        ServiceCategory.Internal => "D",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string Describe(ServiceCategory category) => category switch
    {
        ServiceCategory.Paid => "A · paid service",
        ServiceCategory.Contract => "B · maintenance contract",
        ServiceCategory.Warranty => "C · warranty",
        ServiceCategory.Internal => "D · internal",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}

using AfterSales.Cloud.Calendar;
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

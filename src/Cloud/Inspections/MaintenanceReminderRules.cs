using System.Globalization;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Inspections;

/// <summary>
/// The customer is reminded two weeks before a scheduled maintenance visit (seed 003: 维护前两周通知客户;
/// docs/service-rules.md §3.4): from 14 days before the visit's day until the day itself, once, and not
/// for a visit already done.
/// </summary>
public static class MaintenanceReminderRules
{
    public const int DaysAhead = 14;

    public static bool Due(InspectionJob job, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ReminderSentAt is null && job.CompletedAt is null
            && today >= job.ScheduledFor.AddDays(-DaysAhead) && today <= job.ScheduledFor;
    }

    /// <summary>In the customer's language, which the caller's <paramref name="T"/> is set to.</summary>
    public static string CustomerText(IStringLocalizer T, string siteName, DateOnly visit)
    {
        ArgumentNullException.ThrowIfNull(T);
        return T["Reminder: our maintenance visit to {0} is planned for {1}. Please make sure we can reach every device; call us if the day does not suit you.", siteName, visit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
    }
}

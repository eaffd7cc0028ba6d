using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Inspections;

/// <summary>
/// Sends the two-week reminder of each scheduled maintenance visit to the site's contact by SMS, once per visit
/// (docs/service-rules.md §3.4). Run by the service calendar; "today" is the site's company's local day.
/// </summary>
internal sealed partial class MaintenanceReminderService(IDbContextFactory<CloudDb> dbs, NotificationService notices, TenantCalendars calendars, TimeProvider time, ILogger<MaintenanceReminderService> log)
{
    /// <summary>Reminds every visit that is due a reminder; returns how many went out.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var earliest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var jobs = await db.InspectionJobs.Where(j => j.ReminderSentAt == null && j.CompletedAt == null && j.ScheduledFor >= earliest).ToListAsync(cancellationToken);
        var siteIds = jobs.Select(j => j.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var sent = 0;
        foreach (var job in jobs)
        {
            var site = sites[job.SiteId];
            if (!MaintenanceReminderRules.Due(job, calendars.For(site.TenantId).DayOf(now)))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(site.ContactPhone))
            {
                // Nobody to tell yet: tried again on the next pass, so a number added later still gets it.
                LogNoContact(log, job.Id, site.Id);
                continue;
            }

            notices.SendTo(db, Recipients.Customer(site.Id), NoticeKind.General, null, T => MaintenanceReminderRules.CustomerText(T, site.Name, job.ScheduledFor), NotificationChannel.Sms, site.ContactPhone, site.TenantId);
            job.Reminded(now);
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Maintenance visit {JobId} at site {SiteId} is due its reminder, but the site has no contact phone")]
    private static partial void LogNoContact(ILogger logger, long jobId, string siteId);
}

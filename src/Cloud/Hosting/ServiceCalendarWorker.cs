using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// The service companies' calendar, run every few minutes on every node: contract expiry notices,
/// complaint reminders, two-week maintenance reminders, deleting old noise (retention), and for each company (tenant) this month's inspection jobs, last month's
/// reports (from the 1st) and revisits for this month's repairs.
/// Each step keeps its own state in the database, so running it twice, on two nodes or after a
/// crash, does each thing once.
/// </summary>
internal sealed partial class ServiceCalendarWorker(
    ContractService contracts,
    InspectionPlanService inspections,
    MaintenanceReminderService reminders,
    MonthlyReportService reports,
    ComplaintService complaints,
    RevisitService revisits,
    IDbContextFactory<CloudDb> dbs,
    RetentionService retention,
    TenantCalendars calendars,
    TimeProvider time,
    ILogger<ServiceCalendarWorker> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await Step("expiry notices", () => contracts.SendExpiryNoticesAsync(cancellationToken));
        await Step("complaint reminders", () => complaints.ChaseAsync(cancellationToken));
        await Step("maintenance reminders", () => reminders.RemindAsync(cancellationToken));
        await Step("retention", () => retention.PurgeNoiseAsync(cancellationToken));

        // Plans and report runs are each company's own: its sites, its technicians, its quota.
        List<string> tenants = [];
        await Step("tenants", async () => tenants = await TenantsAsync(cancellationToken));
        foreach (var tenant in tenants)
        {
            // Each company's month turns at its own local midnight.
            var local = ServiceMonth.FirstOfMonth(calendars.For(tenant).DayOf(time.GetUtcNow()));
            await Step("inspection plan", () => inspections.PlanAsync(tenant, local, cancellationToken));
            await Step("monthly reports", async () => await reports.RunMonthAsync(tenant, local.AddMonths(-1), force: false, progress: null, cancellationToken));
            await Step("revisit plan", () => revisits.PlanAsync(tenant, local, cancellationToken));
        }
    }

    private async Task<List<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.TenantsWithSitesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task Step<T>(string name, Func<Task<T>> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One failing duty must not stop the others; the next tick tries again.
            LogStepFailed(log, name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Service calendar: {Step} failed; retrying on the next tick")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception ex);
}

using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Reports;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// The service company's calendar, run every few minutes on every node: contract expiry notices,
/// this month's inspection jobs, last month's reports (from the 1st), complaint reminders,
/// revisits for this month's repairs.
/// Each step keeps its own state in the database, so running it twice, on two nodes or after a
/// crash, does each thing once.
/// </summary>
internal sealed partial class ServiceCalendarWorker(
    ContractService contracts,
    InspectionPlanService inspections,
    MonthlyReportService reports,
    ComplaintService complaints,
    RevisitService revisits,
    TenantCalendars calendars,
    TimeProvider time,
    ILogger<ServiceCalendarWorker> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        // The service company's local day: the month turns at local midnight (docs/local-time.md).
        var today = calendars.Default.DayOf(time.GetUtcNow());
        var month = ServiceMonth.FirstOfMonth(today);
        await Step("expiry notices", () => contracts.SendExpiryNoticesAsync(cancellationToken));
        await Step("inspection plan", () => inspections.PlanAsync(month, cancellationToken));
        await Step("monthly reports", async () => await reports.RunMonthAsync(month.AddMonths(-1), force: false, progress: null, cancellationToken));
        await Step("complaint reminders", () => complaints.ChaseAsync(cancellationToken));
        await Step("revisit plan", () => revisits.PlanAsync(month, cancellationToken));
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

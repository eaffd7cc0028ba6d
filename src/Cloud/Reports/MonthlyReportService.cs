using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// Generates, archives and mails monthly reports: one site on demand, or a whole month for every
/// contracted site as a resumable run. Re-running is safe: a site's archive is replaced, and a
/// report already mailed is not mailed again. The report and its mail are written in the service
/// company's language (<see cref="Wording.ForCompany"/>): they go to customers, who have no account.
/// </summary>
internal sealed partial class MonthlyReportService(IDbContextFactory<CloudDb> dbs, MailService mailer, DocumentHtmlService html, KpiTargetStore targets, IOptions<LifecycleOptions> lifecycle, TenantCalendars calendars, Wording words, TimeProvider time, ILogger<MonthlyReportService> log)
{
    /// <summary>A run whose heartbeat is older than this was abandoned (its node died) and may be resumed.</summary>
    public static readonly TimeSpan StaleRun = TimeSpan.FromMinutes(10);

    /// <summary>Generates one site's month; null when the site is not one of <paramref name="tenantId"/>'s (or does not exist).</summary>
    public async Task<ArchivedReport?> GenerateAsync(string tenantId, string siteId, DateOnly month, bool mail, CancellationToken cancellationToken)
    {
        month = ServiceMonth.FirstOfMonth(month);
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.IsSiteOfAsync(tenantId, siteId, cancellationToken))
        {
            return null;
        }

        var inputs = await ReportInputStore.LoadAsync(db, calendars, siteId, month, now, lifecycle.Value, cancellationToken);
        if (inputs is null)
        {
            return null;
        }

        var report = MonthlyReportBuilder.Build(inputs, month, now, calendars.For(inputs.Site.TenantId));
        var archived = await db.Set<ArchivedReport>().SingleOrDefaultAsync(a => a.SiteId == siteId && a.Kind == ReportKinds.Monthly && a.Period == month, cancellationToken);
        if (archived is null)
        {
            archived = new ArchivedReport { SiteId = siteId, Kind = ReportKinds.Monthly, Period = month, Pdf = [], Html = string.Empty };
            db.Add(archived);
        }

        archived.GeneratedAt = now;
        var kpiTargets = await targets.ForAsync(inputs.Site.TenantId, cancellationToken);
        using var language = words.ForCompany(inputs.Site.TenantId);
        var document = MonthlyReportComposer.Compose(report, kpiTargets, words.Text);
        archived.Pdf = DocumentPdf.Render(document);
        archived.Html = await html.RenderAsync(document);
        if (mail && archived.EmailedAt is null && inputs.Contract is { } contract && ContractRules.Emails(contract) is { Count: > 0 } to
            && await mailer.SendAsync(Mail(report, archived, to), cancellationToken))
        {
            archived.EmailedAt = time.GetUtcNow();
            archived.EmailedTo = string.Join(", ", to);
        }

        await db.SaveChangesAsync(cancellationToken);
        return archived;
    }

    /// <summary>
    /// Generates the month for every site of <paramref name="tenantId"/> under contract. Starts a run, or resumes one that is
    /// unfinished and stale; returns null when another node is running it now or it is done (unless forced).
    /// </summary>
    public async Task<ReportRun?> RunMonthAsync(string tenantId, DateOnly month, bool force, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        month = ServiceMonth.FirstOfMonth(month);
        var run = await ClaimAsync(tenantId, month, force, cancellationToken);
        if (run is null)
        {
            return null;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        db.Attach(run);
        var mine = db.SiteIdsOf(tenantId);
        var contracts = await db.Contracts.AsNoTracking().Where(c => mine.Contains(c.SiteId)).ToListAsync(cancellationToken);
        var sites = contracts.Where(c => c.Category != ServiceCategory.Internal && ContractRules.CoversMonth(c, month))
            .Select(c => c.SiteId).Distinct().Order(StringComparer.Ordinal).ToList();
        var already = force ? [] : await db.Set<ArchivedReport>().AsNoTracking()
            .Where(a => a.Kind == ReportKinds.Monthly && a.Period == month && mine.Contains(a.SiteId)).Select(a => a.SiteId).ToListAsync(cancellationToken);
        (run.Total, run.Done, run.Failed) = (sites.Count, already.Count(sites.Contains), 0);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var siteId in sites.Except(already))
        {
            try
            {
                await GenerateAsync(tenantId, siteId, month, mail: true, cancellationToken);
                run.Done++;
                CloudMetrics.CountReport(failed: false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One site's bad data must not stop the other customers' reports.
                run.Failed++;
                CloudMetrics.CountReport(failed: true);
                var error = $"{siteId}: {ex.Message}";
                run.LastError = error.Length > 1000 ? error[..1000] : error;
                LogSiteFailed(log, siteId, month, ex);
            }

            run.HeartbeatAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(new ReportProgress(month, run.Total, run.Done, run.Failed, siteId));
        }

        run.FinishedAt = run.Failed == 0 ? time.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        LogRunFinished(log, month, run.Done, run.Total, run.Failed);
        return run;
    }

    private async Task<ReportRun?> ClaimAsync(string tenantId, DateOnly month, bool force, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ReportRun>().SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Kind == ReportKinds.Monthly && r.Period == month, cancellationToken);
        if (run is null)
        {
            run = new ReportRun { TenantId = tenantId, Kind = ReportKinds.Monthly, Period = month, StartedAt = now, HeartbeatAt = now };
            db.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return null; // another node claimed the month a moment ago
            }

            return run;
        }

        var live = run.FinishedAt is null && now - run.HeartbeatAt < StaleRun;
        if (live || (run.FinishedAt is not null && !force))
        {
            return null;
        }

        // Takes over only if nobody else did since we read it: the heartbeat is the version.
        var claimed = await db.Set<ReportRun>()
            .Where(r => r.Id == run.Id && r.HeartbeatAt == run.HeartbeatAt)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.HeartbeatAt, now).SetProperty(r => r.FinishedAt, (DateTimeOffset?)null).SetProperty(r => r.StartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        (run.HeartbeatAt, run.FinishedAt, run.StartedAt) = (now, null, now);
        return run;
    }

    /// <summary>The mail in the current culture (the company's, set by the caller).</summary>
    private OutgoingMail Mail(MonthlyReport report, ArchivedReport archived, IReadOnlyList<string> to)
    {
        var T = words.Text;
        var month = ReportFormat.MonthName(report.Month, T);
        var link = $"{mailer.Options.PublicBaseUrl.TrimEnd('/')}/reports/{archived.SiteId}/{report.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        var body = string.Join(
            "\n\n",
            T["Dear {0},", report.Contract?.ContactName ?? report.Site.Customer ?? T["Customer"]],
            T["Attached is the monthly inspection report for {0}, {1}.", report.Site.Name, month],
            ReportFormat.Summary(report, T),
            T["The report is also online: {0}", link],
            T["AfterSales service centre"]);
        return new OutgoingMail(
            to,
            T["Monthly inspection report · {0} · {1}", report.Site.Name, month],
            body,
            archived.Html,
            [new MailAttachment($"report-{archived.SiteId}-{report.Month:yyyy-MM}.pdf", "application/pdf", archived.Pdf)]);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Monthly report for {SiteId} ({Month}) failed")]
    private static partial void LogSiteFailed(ILogger logger, string siteId, DateOnly month, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly reports for {Month}: {Done} of {Total} done, {Failed} failed")]
    private static partial void LogRunFinished(ILogger logger, DateOnly month, int done, int total, int failed);
}

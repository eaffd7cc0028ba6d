using System.Globalization;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Reports;

internal static class ReportsApi
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddSingleton<DocumentHtmlService>().AddSingleton<MonthlyReportService>();

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").RequireAuthorization(AccessPolicies.Staff);

        api.MapPost("/monthly/{siteId}", async (string siteId, string month, bool? mail, HttpContext http, MonthlyReportService reports, CancellationToken ct) =>
        {
            if (!ServiceMonth.TryParse(month, out var period))
            {
                return Results.Problem("month must be yyyy-MM", statusCode: 400);
            }

            var archived = await reports.GenerateAsync(DeskUser.From(http.User).TenantId, siteId, period, mail ?? false, ct);
            return archived is null ? Results.NotFound() : Results.Ok(new { archived.SiteId, archived.Period, archived.GeneratedAt, archived.EmailedAt, Html = Link(archived), Pdf = Link(archived) + ".pdf" });
        });

        // A whole month of the caller's company runs in the background; its progress is the run record.
        api.MapPost("/monthly", (string month, bool? force, HttpContext http, MonthlyReportService reports, IHostApplicationLifetime lifetime) =>
        {
            if (!ServiceMonth.TryParse(month, out var period))
            {
                return Results.Problem("month must be yyyy-MM", statusCode: 400);
            }

            var tenant = DeskUser.From(http.User).TenantId;
            _ = Task.Run(() => reports.RunMonthAsync(tenant, period, force ?? false, progress: null, lifetime.ApplicationStopping), lifetime.ApplicationStopping);
            return Results.Accepted("/api/v1/reports/runs");
        });

        api.MapGet("/quarterly", async (string customer, string quarter, HttpContext http, IDbContextFactory<CloudDb> dbs, KpiService kpis, KpiTargetStore targets, IStringLocalizer<Strings> text, TimeProvider time, CancellationToken ct) =>
        {
            if (!QuarterlyReportComposer.TryQuarter(quarter, out var first))
            {
                return Results.Problem("quarter must be yyyy-Qn", statusCode: 400);
            }

            // The customer is a name, and two companies may serve customers of the same name: only the caller's sites count.
            var tenant = DeskUser.From(http.User).TenantId;
            await using var db = await dbs.CreateDbContextAsync(ct);
            var sites = await db.Sites.AsNoTracking().Where(s => s.Customer == customer && s.TenantId == tenant).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            if (sites.Count == 0)
            {
                return Results.NotFound();
            }

            var all = await kpis.LoadAsync(tenant, first, 3, ct);
            var mine = all with
            {
                Tickets = [.. all.Tickets.Where(t => sites.ContainsKey(t.SiteId))],
                Surveys = [.. all.Surveys.Where(s => sites.ContainsKey(s.SiteId))],
                Complaints = [.. all.Complaints.Where(c => sites.ContainsKey(c.SiteId))],
                Inspections = [.. all.Inspections.Where(j => sites.ContainsKey(j.SiteId))],
                SiteAvailability = all.SiteAvailability.Where(kv => sites.ContainsKey(kv.Key)).ToDictionary(),
            };
            // In the reader's language, like the job sheet: the request culture (docs/localization.md).
            var document = QuarterlyReportComposer.Compose(customer, first, mine, sites, time.GetUtcNow(), await targets.ForAsync(tenant, ct), text);
            return Results.File(DocumentPdf.Render(document), "application/pdf", $"quarterly-{quarter}.pdf");
        });

        api.MapGet("/runs", async (HttpContext http, IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            var tenant = DeskUser.From(http.User).TenantId;
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await db.ReportRuns.AsNoTracking().Where(r => r.TenantId == tenant).OrderByDescending(r => r.Period).Take(24).ToListAsync(ct);
        });

        // The archive as customers see it: staff of the site's tenant, and the customer who owns the site.
        app.MapGet("/reports/{siteId}/{month}", async (string siteId, string month, HttpContext http, IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            await using var db = await dbs.CreateDbContextAsync(ct);
            var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId && s.TenantId == user.TenantId, ct);
            if (site is null || !(user.IsStaff || (user.Role == ApiKeyRoles.Customer && user.Customer is not null && site.Customer == user.Customer)))
            {
                return Results.NotFound();
            }

            var pdf = month.EndsWith(".pdf", StringComparison.Ordinal);
            if (!ServiceMonth.TryParse(pdf ? month[..^4] : month, out var period))
            {
                return Results.NotFound();
            }

            var archived = await db.Set<ArchivedReport>().AsNoTracking().SingleOrDefaultAsync(a => a.SiteId == siteId && a.Kind == ReportKinds.Monthly && a.Period == period, ct);
            return archived is null ? Results.NotFound()
                : pdf ? Results.File(archived.Pdf, "application/pdf", $"report-{siteId}-{period:yyyy-MM}.pdf")
                : Results.Content(archived.Html, "text/html; charset=utf-8");
        }).RequireAuthorization(AccessPolicies.Board);

        return app;
    }

    public static string Link(ArchivedReport a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return $"/reports/{a.SiteId}/{a.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>The company's report runs with their progress, and the archive of its sites.</summary>
internal sealed class ReportsModel(IDbContextFactory<CloudDb> dbs) : PageModel
{
    public IReadOnlyList<ReportRun> Runs { get; private set; } = [];

    public IReadOnlyList<ArchivedRow> Archive { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = DeskUser.From(User).TenantId;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenant);
        Runs = await db.ReportRuns.AsNoTracking().Where(r => r.TenantId == tenant).OrderByDescending(r => r.Period).Take(12).ToListAsync(cancellationToken);
        Archive = await db.ArchivedReports.AsNoTracking().Where(a => mine.Contains(a.SiteId))
            .OrderByDescending(a => a.Period).ThenBy(a => a.SiteId)
            .Select(a => new ArchivedRow(a.SiteId, a.Period, a.GeneratedAt, a.EmailedAt, a.EmailedTo))
            .Take(200).ToListAsync(cancellationToken);
    }
}

internal sealed record ArchivedRow(string SiteId, DateOnly Period, DateTimeOffset GeneratedAt, DateTimeOffset? EmailedAt, string? EmailedTo)
{
    public string Link => $"/reports/{SiteId}/{Period:yyyy-MM}";
}

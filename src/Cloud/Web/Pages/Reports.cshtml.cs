using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>Report runs with their progress, and the archive.</summary>
internal sealed class ReportsModel(IDbContextFactory<CloudDb> dbs) : PageModel
{
    public IReadOnlyList<ReportRun> Runs { get; private set; } = [];

    public IReadOnlyList<ArchivedRow> Archive { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        Runs = await db.Set<ReportRun>().AsNoTracking().OrderByDescending(r => r.Period).Take(12).ToListAsync(cancellationToken);
        Archive = await db.Set<ArchivedReport>().AsNoTracking()
            .OrderByDescending(a => a.Period).ThenBy(a => a.SiteId)
            .Select(a => new ArchivedRow(a.SiteId, a.Period, a.GeneratedAt, a.EmailedAt, a.EmailedTo))
            .Take(200).ToListAsync(cancellationToken);
    }
}

internal sealed record ArchivedRow(string SiteId, DateOnly Period, DateTimeOffset GeneratedAt, DateTimeOffset? EmailedAt, string? EmailedTo)
{
    public string Link => $"/reports/{SiteId}/{Period:yyyy-MM}";
}

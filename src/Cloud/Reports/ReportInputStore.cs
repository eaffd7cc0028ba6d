using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Reports;

/// <summary>Loads what one site's monthly report is computed from.</summary>
internal static class ReportInputStore
{
    public static async Task<ReportInputs?> LoadAsync(CloudDb db, TenantCalendars calendars, string siteId, DateOnly month, DateTimeOffset asOf, LifecycleOptions lifecycle, CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return null;
        }

        // The report month is the service company's local month (docs/local-time.md).
        var calendar = calendars.For(site.TenantId);
        var from = calendar.StartOf(month);
        var end = calendar.StartOf(month.AddMonths(1));
        var to = end < asOf ? end : asOf;
        var contracts = await db.Set<MaintenanceContract>().AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken);
        var devices = await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId == siteId).ToListAsync(cancellationToken);
        var inspection = await db.Set<InspectionJob>().AsNoTracking().Include(j => j.Items).SingleOrDefaultAsync(j => j.SiteId == siteId && j.Month == month, cancellationToken);
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.SiteId == siteId).ToListAsync(cancellationToken);
        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken);
        var facts = await TicketHistoryStore.LoadAsync(db, [siteId], from, to, lifecycle, cancellationToken);
        return new ReportInputs(
            site,
            contracts.Where(c => ContractRules.CoversMonth(c, month)).MaxBy(c => c.EndsOn),
            devices,
            facts,
            inspection,
            [.. surveys.Where(s => s.SentAt >= from && s.SentAt < to)],
            [.. complaints.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)]);
    }
}

using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Kpis;

/// <summary>Loads a period's KPI inputs for every site.</summary>
internal sealed class KpiService(IDbContextFactory<CloudDb> dbs, IOptions<LifecycleOptions> lifecycle, TenantCalendars calendars, TimeProvider time)
{
    /// <summary>
    /// The months are local months of <paramref name="tenantId"/>'s calendar (the default one when
    /// null), and only that company's sites: a fault at 07:00 Beijing time on the 1st counts in the month it happened there.
    /// </summary>
    public async Task<KpiInputs> LoadAsync(DateOnly firstMonth, int months, CancellationToken cancellationToken, string? tenantId = null)
    {
        var calendar = calendars.For(tenantId);
        var from = calendar.StartOf(firstMonth);
        var end = calendar.StartOf(firstMonth.AddMonths(months));
        var now = time.GetUtcNow();
        var to = end < now ? end : now;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        // With a tenant: only that company's sites and what happened at them.
        var siteIds = await db.Sites.Where(s => tenantId == null || s.TenantId == tenantId).Select(s => s.Id).ToListAsync(cancellationToken);
        var scope = siteIds.ToHashSet(StringComparer.Ordinal);
        var facts = await TicketHistoryStore.LoadAsync(db, siteIds, from, to, lifecycle.Value, cancellationToken);
        var devices = await db.Set<InventoryDevice>().AsNoTracking().Where(d => siteIds.Contains(d.SiteId)).ToListAsync(cancellationToken);
        var surveys = (await db.Set<Survey>().AsNoTracking().ToListAsync(cancellationToken)).Where(s => s.SentAt >= from && s.SentAt < to && scope.Contains(s.SiteId)).ToList();
        var complaints = (await db.Set<Complaint>().AsNoTracking().ToListAsync(cancellationToken)).Where(c => c.ReceivedAt >= from && c.ReceivedAt < to && scope.Contains(c.SiteId)).ToList();
        var lastMonth = firstMonth.AddMonths(months);
        var inspections = await db.Set<InspectionJob>().AsNoTracking().Include(j => j.Items).Where(j => j.Month >= firstMonth && j.Month < lastMonth && siteIds.Contains(j.SiteId)).ToListAsync(cancellationToken);
        var zones = facts.GroupBy(f => f.SiteId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.OpenedAt)!.Zone);
        var availability = siteIds.ToDictionary(
            s => s,
            s => SiteOutages.Availability(devices.Where(d => d.SiteId == s), facts.Where(f => f.SiteId == s), from, to));
        return new KpiInputs(from, to, facts, surveys, complaints, inspections, availability, zones);
    }

    public async Task<IReadOnlyList<Survey>> SurveysAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Survey>().AsNoTracking().Where(s => s.AnsweredAt != null).ToListAsync(cancellationToken);
    }
}

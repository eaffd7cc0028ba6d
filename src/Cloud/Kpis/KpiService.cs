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

/// <summary>Loads a period's KPI inputs for every site of one service company (tenant); no other company's row is read.</summary>
internal sealed class KpiService(IDbContextFactory<CloudDb> dbs, IOptions<LifecycleOptions> lifecycle, TenantCalendars calendars, TimeProvider time)
{
    /// <summary>The months are local months of the company's calendar: a fault at 07:00 Beijing time on the 1st counts in the month it happened there.</summary>
    public async Task<KpiInputs> LoadAsync(string tenantId, DateOnly firstMonth, int months, CancellationToken cancellationToken)
    {
        var calendar = calendars.For(tenantId);
        var from = calendar.StartOf(firstMonth);
        var end = calendar.StartOf(firstMonth.AddMonths(months));
        var now = time.GetUtcNow();
        var to = end < now ? end : now;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var siteIds = await mine.ToListAsync(cancellationToken);
        var facts = await TicketHistoryStore.LoadAsync(db, siteIds, from, to, lifecycle.Value, cancellationToken);
        var devices = await db.Set<InventoryDevice>().AsNoTracking().Where(d => mine.Contains(d.SiteId)).ToListAsync(cancellationToken);
        var surveys = (await db.Set<Survey>().AsNoTracking().Where(s => mine.Contains(s.SiteId)).ToListAsync(cancellationToken)).Where(s => s.SentAt >= from && s.SentAt < to).ToList();
        var complaints = (await db.Set<Complaint>().AsNoTracking().Where(c => mine.Contains(c.SiteId)).ToListAsync(cancellationToken)).Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).ToList();
        var lastMonth = firstMonth.AddMonths(months);
        var inspections = await db.Set<InspectionJob>().AsNoTracking().Include(j => j.Items).Where(j => j.Month >= firstMonth && j.Month < lastMonth && mine.Contains(j.SiteId)).ToListAsync(cancellationToken);
        var zones = facts.GroupBy(f => f.SiteId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.OpenedAt)!.Zone);
        var availability = siteIds.ToDictionary(
            s => s,
            s => SiteOutages.Availability(devices.Where(d => d.SiteId == s), facts.Where(f => f.SiteId == s), from, to));
        return new KpiInputs(from, to, facts, surveys, complaints, inspections, availability, zones);
    }

    public async Task<IReadOnlyList<Survey>> SurveysAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        return await db.Set<Survey>().AsNoTracking().Where(s => s.AnsweredAt != null && mine.Contains(s.SiteId)).ToListAsync(cancellationToken);
    }
}

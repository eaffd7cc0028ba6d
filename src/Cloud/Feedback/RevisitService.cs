using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Feedback;

/// <summary>Schedules revisits for repairs by role quota, and records what the revisit found.</summary>
internal sealed class RevisitService(IDbContextFactory<CloudDb> dbs, IOptions<LifecycleOptions> lifecycle, TimeProvider time)
{
    /// <summary>
    /// Revisits for every repair of <paramref name="tenantId"/>'s sites finished in the month so far; re-running adds
    /// only the new repairs. The role quota counts each company's repairs on their own.
    /// </summary>
    public async Task<int> PlanAsync(string tenantId, DateOnly month, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var now = time.GetUtcNow();
        var to = from.AddMonths(1) < now ? from.AddMonths(1) : now;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var siteIds = await db.SiteIdsOf(tenantId).ToListAsync(cancellationToken);
        var facts = await TicketHistoryStore.LoadAsync(db, siteIds, from, to, lifecycle.Value, cancellationToken);

        // A repair is a fix somebody made on site; a fault that cleared by itself needs no revisit.
        var repairs = facts.Where(f => f.FixedAt is { } at && at >= from && at < to && !f.SelfRestored).OrderBy(f => f.FixedAt).ThenBy(f => f.TicketId).ToList();
        var planned = await db.Set<Revisit>().Where(r => siteIds.Contains(r.SiteId)).Select(r => new { r.TicketId, r.Role }).ToListAsync(cancellationToken);
        var added = 0;
        for (var i = 0; i < repairs.Count; i++)
        {
            foreach (var role in RevisitRules.RolesFor(i + 1))
            {
                if (planned.Exists(p => p.TicketId == repairs[i].TicketId && p.Role == role))
                {
                    continue;
                }

                db.Add(Revisit.Plan(repairs[i].TicketId, repairs[i].SiteId, role, RevisitRules.DueBy(repairs[i].FixedAt!.Value, repairs[i].DeviceKind)));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Records what the revisit found; false when no revisit of <paramref name="tenantId"/>'s sites has that id.</summary>
    public async Task<bool> RecordAsync(string tenantId, long revisitId, string? finding, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var revisit = await db.Set<Revisit>().SingleOrDefaultAsync(r => r.Id == revisitId && mine.Contains(r.SiteId), cancellationToken);
        if (revisit is null)
        {
            return false;
        }

        revisit.Record(finding, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

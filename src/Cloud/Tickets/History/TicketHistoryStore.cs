using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets.History;

/// <summary>Loads the ticket facts of some sites that touch a period (plus the repeat window before it, for repeats).</summary>
internal static class TicketHistoryStore
{
    public static async Task<IReadOnlyList<TicketFacts>> LoadAsync(CloudDb db, IReadOnlyCollection<string> siteIds, DateTimeOffset from, DateTimeOffset to, LifecycleOptions lifecycle, CancellationToken cancellationToken)
    {
        // Dates are filtered after loading: SQLite cannot compare DateTimeOffset columns in SQL,
        // and one site's tickets over a few months are few.
        var tickets = await db.Tickets.AsNoTracking()
            .Include(t => t.Occurrences)
            .Where(t => siteIds.Contains(t.SiteId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var lookBack = from - FaultHistoryRules.RepeatWindow(lifecycle);
        var relevant = tickets.Where(t => t.OpenedAt < to && (t.ClosedAt is null || t.ClosedAt >= lookBack));
        return [.. TicketFactsMapping.Map(relevant, lifecycle).Where(f => f.OpenedAt < to && (f.ClosedAt is null || f.ClosedAt >= from || f.OpenedAt >= from))];
    }
}

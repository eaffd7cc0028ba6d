using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Storage;

public static class TrackedEntities
{
    /// <summary>
    /// The entities of one type this unit of work tracks, without the change detection that
    /// <c>DbSet.Local</c> first runs over every tracked entity. For filters on what the caller reads
    /// from the objects themselves (keys, a timer's state): detection only refreshes EF's own record
    /// of changes, which the next save does anyway. The desk looks up tracked tickets, sites and
    /// timers several times per ticket; without the detection a storm's tickets open about 5 % faster
    /// (docs/benchmarks.md, the desk's third pass). A snapshot: the caller may add entities while it
    /// goes through the list.
    /// </summary>
    public static List<T> Tracked<T>(this DbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.Set<T>().Local];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}

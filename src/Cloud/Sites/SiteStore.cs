using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Sites read once per unit of work and shared by everyone in it: the desk places each event's
/// ticket from its site, and each notice it sends belongs to the site's company. A desk batch reads
/// all its sites in one query (<see cref="ReadAheadAsync"/>); a change is seen by the next unit of work.
/// </summary>
internal sealed class SiteStore
{
    private readonly UnitOfWorkMemo<string, Site?> _byId = new();

    public Task<Site?> FindAsync(CloudDb db, string siteId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byId.GetOrReadAsync(db, siteId, () => db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken));
    }

    /// <summary>The same for a caller that cannot await (the notification tenant lookup).</summary>
    public Site? Find(CloudDb db, string siteId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byId.GetOrRead(db, siteId, () => db.Sites.AsNoTracking().SingleOrDefault(s => s.Id == siteId));
    }

    /// <summary>Reads the sites not yet read in this unit of work, many in one query.</summary>
    public Task ReadAheadAsync(CloudDb db, IEnumerable<string> siteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byId.ReadAheadAsync(db, siteIds, async chunk =>
        {
            var found = await db.Sites.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
            return id => found.GetValueOrDefault(id);
        });
    }
}

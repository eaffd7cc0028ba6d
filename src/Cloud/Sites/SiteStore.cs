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
    private const int QueryChunk = 500;
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

    /// <summary>Reads the sites not yet read in this unit of work, in one query per <see cref="QueryChunk"/>.</summary>
    public async Task ReadAheadAsync(CloudDb db, IEnumerable<string> siteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var chunk in _byId.Unread(db, siteIds).Chunk(QueryChunk))
        {
            var found = await db.Sites.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
            foreach (var id in chunk)
            {
                _byId.Remember(db, id, found.GetValueOrDefault(id));
            }
        }
    }
}

using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>Reads and writes the inbox table: appends in one transaction, reads the oldest, deletes what was applied.</summary>
internal sealed class InboxStore(IDbContextFactory<CloudDb> dbs) : IInboxDepth
{
    /// <summary>Commits every event of the batch in one transaction, or none of them.</summary>
    public async Task AppendAsync(IReadOnlyCollection<InboxEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.IngestInbox.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboxEvent>> OldestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.IngestInbox.AsNoTracking().OrderBy(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Which of these rows are still in the inbox.</summary>
    public async Task<HashSet<long>> StillWaitingAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return [.. await db.IngestInbox.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)];
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.IngestInbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    async Task<long> IInboxDepth.CountAsync(CancellationToken cancellationToken) => await CountAsync(cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.IngestInbox.CountAsync(cancellationToken);
    }
}

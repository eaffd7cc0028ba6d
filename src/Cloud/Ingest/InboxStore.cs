using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Reads and writes the inbox table: appends in one transaction, reads the oldest, deletes what was applied.
/// <para>
/// Where the rows live: on PostgreSQL in the cloud's database, where rows are locked, not the
/// database, so the group commit and the desk write side by side. A SQLite database has one writer
/// at a time, and every gateway's acknowledgement waited behind the desk's transactions (intake fell
/// from about 2 600 to 400 events/s in the ingest benchmark); there the inbox is a file of its own
/// beside the cloud's (<c>aftersales.db</c> → <c>aftersales.inbox.db</c>) with its own writer lock.
/// That file is migrated with the cloud's schema, so one set of migrations evolves both; only its
/// inbox table holds rows (docs/ingest.md, "Intake").
/// </para>
/// </summary>
internal sealed partial class InboxStore : IInboxDepth
{
    private readonly IDbContextFactory<CloudDb> _cloud;
    private readonly DbContextOptions<SqliteCloudDb>? _ownFile;
    private readonly ILogger<InboxStore> _log;

    // Made from the first context's model: the columns and conversions are the same for every context of one engine.
    private InboxAppendStore? _append;

    public InboxStore(IDbContextFactory<CloudDb> cloud, DatabaseOptions database, ILogger<InboxStore> log)
    {
        ArgumentNullException.ThrowIfNull(database);
        (_cloud, _log) = (cloud, log);
        if (database.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase) && FileBeside(database.ConnectionString) is { } inbox)
        {
            _ownFile = new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite(inbox).AddInterceptors(new SqliteBusyWait()).Options;
        }
    }

    /// <summary>The inbox file's connection: <c>x.db</c> → <c>x.inbox.db</c>. Null for an in-memory database, which has no beside.</summary>
    public static string? FileBeside(string cloudConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(cloudConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        var extension = Path.GetExtension(builder.DataSource);
        builder.DataSource = builder.DataSource[..^extension.Length] + ".inbox" + extension;
        return builder.ToString();
    }

    /// <summary>
    /// Run at start, after the cloud's database is migrated and before the broker takes events: brings
    /// the inbox file's schema up to date, and moves rows an inbox in the cloud's database still holds
    /// (a cloud that ran before the inbox had its own file) into it, so nothing committed is left behind.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_ownFile is null)
        {
            return;
        }

        await using var inbox = OpenDb();
        await inbox.Database.MigrateAsync(cancellationToken);
        await inbox.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        await using var cloud = await _cloud.CreateDbContextAsync(cancellationToken);
        var left = await cloud.IngestInbox.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        if (left.Count == 0)
        {
            return;
        }

        // Copied first, then deleted: a crash between the two applies some events twice, which the
        // desk counts as duplicates of their event ids; the other order could lose them.
        var last = left[^1].Id;
        left.ForEach(e => e.Id = 0);
        inbox.IngestInbox.AddRange(left);
        await inbox.SaveChangesAsync(cancellationToken);
        await cloud.IngestInbox.Where(e => e.Id <= last).ExecuteDeleteAsync(cancellationToken);
        LogMoved(_log, left.Count);
    }

    /// <summary>A context on the database the inbox lives in.</summary>
    public CloudDb OpenDb() => _ownFile is null ? _cloud.CreateDbContext() : new SqliteCloudDb(_ownFile);

    /// <summary>Commits every event of the batch in one transaction, or none of them.</summary>
    public async Task AppendAsync(IReadOnlyCollection<InboxEvent> events, CancellationToken cancellationToken)
    {
        await using var db = OpenDb();
        _append ??= new InboxAppendStore(db.Model);
        await _append.AppendAsync(db, events, cancellationToken);
    }

    public async Task<IReadOnlyList<InboxEvent>> OldestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = OpenDb();
        return await db.IngestInbox.AsNoTracking().OrderBy(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each named gateway's rows below the given seq, wherever they are in the inbox (<see cref="SeqGapRules.Gaps"/>).
    /// Only asked when a gateway waits for a predecessor, so the inbox has no index for it: the scan is as long
    /// as the backlog, and adding to the index would cost every commit.
    /// </summary>
    public async Task<IReadOnlyList<InboxEvent>> BelowSeqAsync(IReadOnlyDictionary<string, long> below, CancellationToken cancellationToken)
    {
        if (below.Count == 0)
        {
            return [];
        }

        var gateways = below.Keys.ToList();
        var highest = below.Values.Max();
        await using var db = OpenDb();
        var rows = await db.IngestInbox.AsNoTracking().Where(e => gateways.Contains(e.GatewayId) && e.Seq < highest).ToListAsync(cancellationToken);
        return [.. rows.Where(e => e.Seq < below[e.GatewayId])];
    }

    /// <summary>Which of these rows are still in the inbox.</summary>
    public async Task<HashSet<long>> StillWaitingAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = OpenDb();
        return [.. await db.IngestInbox.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)];
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = OpenDb();
        await db.IngestInbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    async Task<long> IInboxDepth.CountAsync(CancellationToken cancellationToken) => await CountAsync(cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = OpenDb();
        return await db.IngestInbox.CountAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} waiting events from the cloud database's inbox into the inbox file")]
    private static partial void LogMoved(ILogger logger, int count);
}

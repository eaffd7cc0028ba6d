using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Desk;
using AfterSales.Cloud.Tests.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AfterSales.Cloud.Tests.Ingest;

/// <summary>The inbox against a real, migrated database: group commit in, the desk's order out; run once per engine.</summary>
public abstract class InboxTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private Factory _dbs = null!;
    private InboxStore _store = null!;
    private InboxWriterWorker _writer = null!;
    private InboxWorker _worker = null!;
    private InboxWriteTurns _turns = null!;
    private InboxWorker _secondNode = null!;
    private InboxWorker _sharedSubscriptionNode = null!;
    private ServiceProvider _desk = null!;

    /// <summary>The cloud's database, as the cloud's configuration names it.</summary>
    protected abstract Task<(Func<CloudDb> Create, DatabaseOptions Options)> CreateDatabaseAsync();

    protected CloudDb CloudDb() => _dbs.CreateDbContext();

    private protected InboxStore Store => _store;

    public async Task InitializeAsync()
    {
        var (create, options) = await CreateDatabaseAsync();
        _dbs = new Factory(create);
        _store = new InboxStore(_dbs, options, NullLogger<InboxStore>.Instance);
        await using (var db = _dbs.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.ServiceCentres.Add(new ServiceCentre { Id = "centre-1", Name = "Centre", Latitude = 31.0, Longitude = 121.0 });
            db.Sites.AddRange(new Site { Id = "site-a", Name = "A", Latitude = 31.01, Longitude = 121.0 }, new Site { Id = "site-b", Name = "B", Latitude = 31.02, Longitude = 121.0 });
            db.Gateways.AddRange(
                new RegisteredGateway { Id = "gw-a", SiteId = "site-a", SecretHash = GatewaySecrets.Hash("secret-a") },
                new RegisteredGateway { Id = "gw-b", SiteId = "site-b", SecretHash = GatewaySecrets.Hash("secret-b") });
            await db.SaveChangesAsync();
        }

        await _store.PrepareAsync(default);
        _desk = DeskServices.Build(_dbs, _time);
        var deskService = _desk.GetRequiredService<TicketDeskService>();
        var counters = new IngestCounters();
        var presence = new PresenceService(new PresenceOptions().Policy(), deskService, _dbs, _time, NullLogger<PresenceService>.Instance);
        var pipeline = new IngestPipeline(deskService, new GatewayStore(_dbs), presence, new RejectionStore(_dbs, counters, _time, NullLogger<RejectionStore>.Instance), counters);
        var inboxOptions = Options.Create(new InboxOptions { MaxCommitBatch = 100, WorkBatch = 50 });
        var signal = new InboxSignal();
        _turns = new InboxWriteTurns(serialize: true);
        _writer = new InboxWriterWorker(_store, signal, _turns, inboxOptions, NullLogger<InboxWriterWorker>.Instance);
        _worker = new InboxWorker(_store, pipeline, signal, _turns, new InboxSiteClaimStore(_dbs), new AppliedSeqStore(_dbs), inboxOptions, Options.Create(new BrokerOptions()), _time, NullLogger<InboxWorker>.Instance);
        _sharedSubscriptionNode = new InboxWorker(_store, pipeline, signal, _turns, new InboxSiteClaimStore(_dbs), new AppliedSeqStore(_dbs), inboxOptions, Options.Create(new BrokerOptions { SharedSubscription = true }), _time, NullLogger<InboxWorker>.Instance);
        _secondNode = new InboxWorker(_store, pipeline, signal, _turns, new InboxSiteClaimStore(_dbs), new AppliedSeqStore(_dbs), inboxOptions, Options.Create(new BrokerOptions()), _time, NullLogger<InboxWorker>.Instance);
        await _writer.StartAsync(default);
    }

    public virtual async Task DisposeAsync()
    {
        await _writer.StopAsync(default);
        await _desk.DisposeAsync();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer?.Dispose();
            _worker?.Dispose();
            _secondNode?.Dispose();
            _turns?.Dispose();
        }
    }

    [Fact]
    public async Task Append_ManyAtOnce_AllCommitted()
    {
        var events = Enumerable.Range(1, 300).Select(i => Raise("site-a", "gw-a", i, $"zone-{i}")).ToList();

        await Task.WhenAll(events.Select(e => StoreAsync(e)));

        Assert.Equal(300, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_SeqOutOfOrderInInbox_AppliedInSeqOrderAndInboxEmptied()
    {
        // seq 2 (the clear) was committed before seq 1 (the raise): a resend after a failed commit.
        await StoreAsync(Event("site-a", "gw-a", 2, FaultState.Cleared, "zone-1"));
        await StoreAsync(Raise("site-b", "gw-b", 1, "zone-1"));
        await StoreAsync(Raise("site-a", "gw-a", 1, "zone-1"));

        while (await _worker.WorkOnceAsync(default) > 0)
        {
        }

        await using var db = _dbs.CreateDbContext();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.SiteId == "site-a");
        Assert.NotNull(ticket.RestoredAt);
        Assert.Equal(2, ticket.LastSeq);
        Assert.Equal(0, await db.Occurrences.CountAsync(o => o.Stale));
        Assert.Equal(2, await db.Tickets.CountAsync());
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_SharedSubscription_EventWhosePredecessorIsOnTheOtherNodeWaitsForIt_NotForNumbersNeverUsed()
    {
        await StoreAsync(Raise("site-a", "gw-a", 1, "zone-1") with { PrevSeq = 0 });
        await WorkAllAsync(_sharedSubscriptionNode);

        // seq 3 is committed here while seq 2 is still on the other node.
        await StoreAsync(Raise("site-a", "gw-a", 3, "zone-3") with { PrevSeq = 2 });
        await WorkAllAsync(_sharedSubscriptionNode);
        Assert.Equal(1, await _store.CountAsync(default));

        await StoreAsync(Raise("site-a", "gw-a", 2, "zone-2") with { PrevSeq = 1 });
        await WorkAllAsync(_sharedSubscriptionNode);
        Assert.Equal(0, await _store.CountAsync(default));

        // The gateway restarted and skipped the rest of its seq block: nothing to wait for.
        await StoreAsync(Raise("site-a", "gw-a", 1000, "zone-4") with { PrevSeq = 0 });
        await WorkAllAsync(_sharedSubscriptionNode);
        Assert.Equal(0, await _store.CountAsync(default));

        // 1001 was lost on the way (a broker that crashed): after the hold, 1002 goes on without it.
        await StoreAsync(Raise("site-a", "gw-a", 1002, "zone-5") with { PrevSeq = 1001 });
        await WorkAllAsync(_sharedSubscriptionNode);
        Assert.Equal(1, await _store.CountAsync(default));
        _time.Advance(TimeSpan.FromSeconds(60));
        await WorkAllAsync(_sharedSubscriptionNode);

        await using var db = _dbs.CreateDbContext();
        Assert.Equal([1L, 2L, 3L, 1000L, 1002L], await db.Occurrences.OrderBy(o => o.Id).Select(o => o.Seq).ToListAsync());
        Assert.Equal(0, await db.Occurrences.CountAsync(o => o.Stale));
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_SharedSubscription_BehindABacklog_PredecessorCommittedFarBehindIsAppliedFirst()
    {
        await StoreAsync(Raise("site-a", "gw-a", 1, "zone-1") with { PrevSeq = 0 });
        await WorkAllAsync(_sharedSubscriptionNode);

        // seq 3 reached the inbox first; the restarted node committed seq 2 only after a backlog of other
        // sites' events, beyond the rows one pass reads (50 here). The desk gets to them after the hold.
        await StoreAsync(Raise("site-a", "gw-a", 3, "zone-3") with { PrevSeq = 2 });
        foreach (var seq in Enumerable.Range(1, 60))
        {
            await StoreAsync(Raise("site-b", "gw-b", seq, $"zone-{seq}"));
        }

        await StoreAsync(Raise("site-a", "gw-a", 2, "zone-2") with { PrevSeq = 1 });
        _time.Advance(TimeSpan.FromMinutes(5));
        await WorkAllAsync(_sharedSubscriptionNode);

        await using var db = _dbs.CreateDbContext();
        Assert.Equal([1L, 2L, 3L], await db.Occurrences.Where(o => o.GatewayId == "gw-a").OrderBy(o => o.Id).Select(o => o.Seq).ToListAsync());
        Assert.Equal(0, await db.Occurrences.CountAsync(o => o.Stale));
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_OnePassFromMoreSitesThanTheConnectionPoolHolds_EverySiteApplied()
    {
        // A regional storm: the pass (WorkBatch 50) spans more sites than the PostgreSQL variant's pool (20).
        const int sites = 50;
        await using (var db = _dbs.CreateDbContext())
        {
            db.Sites.AddRange(Enumerable.Range(0, sites).Select(i => new Site { Id = $"storm-{i}", Name = $"Storm {i}", Latitude = 31.0 + (i / 1000.0), Longitude = 121.0 }));
            db.Gateways.AddRange(Enumerable.Range(0, sites).Select(i => new RegisteredGateway { Id = $"gw-storm-{i}", SiteId = $"storm-{i}", SecretHash = GatewaySecrets.Hash("secret") }));
            await db.SaveChangesAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, sites).Select(i => StoreAsync(Raise($"storm-{i}", $"gw-storm-{i}", 1, "zone-1"))));

        Assert.Equal(sites, await _worker.WorkOnceAsync(default));
        await using var check = _dbs.CreateDbContext();
        Assert.Equal(sites, await check.Tickets.CountAsync(t => t.SiteId.StartsWith("storm-")));
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_CrashAfterApplyBeforeDelete_RowsAppliedAgainAsDuplicatesNothingDoubles()
    {
        var events = Enumerable.Range(1, 20).Select(i => Raise("site-a", "gw-a", i, $"zone-{i}")).ToList();
        foreach (var e in events)
        {
            await StoreAsync(e);
        }

        await _worker.WorkOnceAsync(default);

        // The crash: the same rows are in the inbox again, as if the delete had never committed.
        foreach (var e in events)
        {
            await StoreAsync(e);
        }

        await _worker.WorkOnceAsync(default);

        await using var db = _dbs.CreateDbContext();
        Assert.Equal(20, await db.Occurrences.CountAsync());
        Assert.Equal(20, await db.Tickets.CountAsync());
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_SameEventTwiceInOnePass_AppliedOnceTheRepeatCountedAsDuplicate()
    {
        // A gateway resent an event whose PUBACK it never got, and both copies were committed: the desk
        // checks the batch's event ids in one query, so the repeat inside the same batch must still count.
        var events = Enumerable.Range(1, 5).Select(i => Raise("site-a", "gw-a", i, $"zone-{i}")).ToList();
        foreach (var e in events.Concat([events[2]]))
        {
            await StoreAsync(e);
        }

        await _worker.WorkOnceAsync(default);

        await using var db = _dbs.CreateDbContext();
        Assert.Equal(5, await db.Occurrences.CountAsync());
        Assert.Equal(5, await db.Tickets.CountAsync());
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Worker_MalformedPayload_RejectedWithReasonAndRemovedFromInbox()
    {
        await _writer.AppendAsync(Row("site-a", "gw-a", 0, "{\"schema\":\"nonsense\"}"u8.ToArray()), stream: null, default);

        await _worker.WorkOnceAsync(default);

        await using var db = _dbs.CreateDbContext();
        var rejected = await db.RejectedMessages.AsNoTracking().SingleAsync();
        Assert.StartsWith("malformed", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Append_TableUnavailable_EveryWaitingSenderToldNotStored()
    {
        await using (var db = _store.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"IngestInbox\" RENAME TO \"IngestInboxAway\"");
        }

        var attempts = Enumerable.Range(1, 10).Select(i => StoreAsync(Raise("site-a", "gw-a", i, "zone-1"))).ToList();
        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => attempt);
        }

        await using (var db = _store.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"IngestInboxAway\" RENAME TO \"IngestInbox\"");
        }

        await StoreAsync(Raise("site-a", "gw-a", 11, "zone-1"));
        Assert.Equal(1, await _store.CountAsync(default));
    }

    [Fact]
    public async Task Append_CommitFailedOnADelivery_LaterEventsOfThatDeliveryRefusedSoNoneOvertakes()
    {
        await using (var db = _store.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"IngestInbox\" RENAME TO \"IngestInboxAway\"");
        }

        var first = _writer.AppendAsync(Row("site-a", "gw-a", 1, PayloadCodec.Encode(Raise("site-a", "gw-a", 1, "zone-1"))), "link-1", default);
        await Assert.ThrowsAnyAsync<Exception>(() => first);
        await using (var db = _store.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"IngestInboxAway\" RENAME TO \"IngestInbox\"");
        }

        // seq 2 came on the same broker link after seq 1 failed: storing it would let it overtake seq 1,
        // which the broker delivers again on the next link.
        var second = _writer.AppendAsync(Row("site-a", "gw-a", 2, PayloadCodec.Encode(Raise("site-a", "gw-a", 2, "zone-1"))), "link-1", default);
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => second);
        Assert.Contains("in order", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _store.CountAsync(default));

        await _writer.AppendAsync(Row("site-a", "gw-a", 1, PayloadCodec.Encode(Raise("site-a", "gw-a", 1, "zone-1"))), "link-2", default);
        Assert.Equal(1, await _store.CountAsync(default));
    }

    /// <summary>Two nodes' workers on one inbox at once: each site's events applied once each and in seq order.</summary>
    protected async Task TwoWorkersOnOneInboxAsync()
    {
        for (var seq = 1; seq <= 40; seq++)
        {
            foreach (var (site, gateway) in new[] { ("site-a", "gw-a"), ("site-b", "gw-b") })
            {
                await StoreAsync(Event(site, gateway, seq, seq % 2 == 1 ? FaultState.Raised : FaultState.Cleared, "zone-1"));
            }
        }

        async Task DrainAsync(InboxWorker worker)
        {
            while (await _store.CountAsync(default) > 0)
            {
                await worker.WorkOnceAsync(default);
            }
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(_worker)), Task.Run(() => DrainAsync(_secondNode)));

        await using var db = _dbs.CreateDbContext();
        var occurrences = await db.Occurrences.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(80, occurrences.Count);
        Assert.Equal(0, occurrences.Count(o => o.Stale));
        foreach (var site in occurrences.GroupBy(o => o.SiteId))
        {
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), site.Select(o => o.Seq));
        }
    }

    /// <summary>Every event of a site, applied by the desk, in seq order, once each.</summary>
    protected async Task DrainAndAssertAppliedInOrderAsync(string site, int count)
    {
        while (await _worker.WorkOnceAsync(default) > 0)
        {
        }

        await using var db = _dbs.CreateDbContext();
        var seqs = await db.Occurrences.AsNoTracking().Where(o => o.SiteId == site).OrderBy(o => o.Id).Select(o => o.Seq).ToListAsync();
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), seqs);
        Assert.Equal(0, await _store.CountAsync(default));
    }

    private static async Task WorkAllAsync(InboxWorker worker)
    {
        while (await worker.WorkOnceAsync(default) > 0)
        {
        }
    }

    protected Task StoreAsync(FaultEvent e) => _writer.AppendAsync(Row(e.SiteId, e.GatewayId, e.Seq, PayloadCodec.Encode(e), e.PrevSeq), stream: null, default);

    protected InboxEvent Row(string site, string gateway, long seq, byte[] payload, long? prevSeq = null) => new()
    {
        PrevSeq = prevSeq,
        Topic = MqttTopics.Events(site),
        SiteId = site,
        GatewayId = gateway,
        Seq = seq,
        ReceivedAt = _time.GetUtcNow(),
        Payload = payload,
    };

    protected static FaultEvent Raise(string site, string gateway, long seq, string device) => Event(site, gateway, seq, FaultState.Raised, device);

    private static FaultEvent Event(string site, string gateway, long seq, FaultState state, string device) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = site,
        GatewayId = gateway,
        Seq = seq,
        DeviceId = device,
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = T0,
    };

    private sealed class Factory(Func<CloudDb> create) : IDbContextFactory<CloudDb>
    {
        public CloudDb CreateDbContext() => create();
    }
}

public sealed class SqliteInboxTests : InboxTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aftersales-inbox-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Append_DeskHoldsTheCloudDatabase_EventStillCommittedAtOnce()
    {
        // The desk in the middle of a long transaction on the cloud's database (SQLite: the writer lock).
        await using var desk = new SqliteConnection($"Data Source={_file};Pooling=False");
        await desk.OpenAsync();
        await using (var begin = desk.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        // The inbox has its own file and lock: the gateway's acknowledgement does not wait for the desk.
        var store = StoreAsync(Raise("site-a", "gw-a", 1, "zone-1"));
        var finished = await Task.WhenAny(store, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(store, finished);
        await store;
        Assert.True(File.Exists(Path.ChangeExtension(_file, ".inbox.db")), "the inbox file is not beside the database");
    }

    [Fact]
    public async Task Restart_RowsLeftInTheCloudDatabasesInbox_MovedToTheInboxFileAndApplied()
    {
        // A cloud from before the inbox had a file of its own stopped with events waiting.
        await using (var db = CloudDb())
        {
            db.IngestInbox.AddRange(Enumerable.Range(1, 5).Select(seq => Row("site-b", "gw-b", seq, PayloadCodec.Encode(Raise("site-b", "gw-b", seq, $"zone-{seq}")))));
            await db.SaveChangesAsync();
        }

        await Store.PrepareAsync(default);

        await using (var db = CloudDb())
        {
            Assert.Equal(0, await db.IngestInbox.CountAsync());
        }

        await DrainAndAssertAppliedInOrderAsync("site-b", 5);
    }

    protected override Task<(Func<CloudDb> Create, DatabaseOptions Options)> CreateDatabaseAsync()
    {
        var connectionString = $"Data Source={_file};Pooling=False";
        var options = new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite(connectionString).Options;
        return Task.FromResult<(Func<CloudDb>, DatabaseOptions)>((() => new SqliteCloudDb(options), new DatabaseOptions { Provider = "sqlite", ConnectionString = connectionString }));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileNameWithoutExtension(_file) + "*"))
        {
            File.Delete(file);
        }
    }
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresInboxTests(PostgresServer server) : InboxTests
{
    [Fact]
    public Task Workers_TwoNodesOnOneInbox_EachSiteInSeqOrderEachEventOnce() => TwoWorkersOnOneInboxAsync();

    protected override async Task<(Func<CloudDb> Create, DatabaseOptions Options)> CreateDatabaseAsync()
    {
        // A small pool, so a pass that took a connection per site would run out of them (and fail fast).
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync()) { Pooling = true, MaxPoolSize = 20, Timeout = 5 }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresCloudDb>().UseNpgsql(connectionString).Options;
        return (() => new PostgresCloudDb(options), new DatabaseOptions { Provider = "postgres", ConnectionString = connectionString });
    }
}

using AfterSales.Cloud.Tests.Support;
using System.Text;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Desk;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Storage;

/// <summary>The ticket book and ingest against a real, migrated database; run once per engine.</summary>
public abstract class StorageTests : IAsyncLifetime
{
    private const double KmPerDegree = 111.195;
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly (double Lat, double Lon) CentreAt = (31.0, 121.0);

    private readonly FakeTimeProvider _time = new(T0 + TimeSpan.FromMinutes(1));
    private FuncDbFactory _dbs = null!;
    private TicketDeskService _desk = null!;
    private IngestPipeline _ingest = null!;

    /// <summary>Creates a context over a fresh, empty database of the engine under test.</summary>
    protected abstract Task<Func<CloudDb>> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        try
        {
            await SetUpAsync();
        }
        catch
        {
            // xunit does not dispose a test class whose set-up failed.
            await DisposeAsync();
            throw;
        }
    }

    private async Task SetUpAsync()
    {
        _dbs = new FuncDbFactory(await CreateDatabaseAsync());
        await using (var db = _dbs.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.ServiceCentres.Add(new ServiceCentre { Id = "centre-1", Name = "Centre", Latitude = CentreAt.Lat, Longitude = CentreAt.Lon });
            db.Sites.AddRange(
                SiteNorth("site-a", 3),
                SiteNorth("site-b", 8),
                SiteNorth("site-far", 250));
            db.Gateways.AddRange(
                new RegisteredGateway { Id = "gw-a", SiteId = "site-a", SecretHash = GatewaySecrets.Hash("secret-a") },
                new RegisteredGateway { Id = "gw-b", SiteId = "site-b", SecretHash = GatewaySecrets.Hash("secret-b") },
                new RegisteredGateway { Id = "gw-far", SiteId = "site-far", SecretHash = GatewaySecrets.Hash("secret-far") });
            await db.SaveChangesAsync();
        }

        _desk = DeskServices.Build(_dbs, _time).GetRequiredService<TicketDeskService>();
        var counters = new IngestCounters();
        var presence = new PresenceService(new PresenceOptions().Policy(), _desk, _dbs, _time, NullLogger<PresenceService>.Instance);
        _ingest = new IngestPipeline(
            _desk,
            new GatewayStore(_dbs),
            presence,
            new RejectionStore(_dbs, counters, _time, NullLogger<RejectionStore>.Instance),
            counters);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrations_FreshDatabase_MatchTheModel()
    {
        await using var db = _dbs.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration captures");
    }

    [Fact]
    public async Task Apply_FirstRaise_OpensTicketWithSiteBandDeadline()
    {
        var action = await _desk.ApplyAsync(Raise("site-b", "gw-b", seq: 1), default);

        Assert.Equal(TicketAction.Open, action);
        var ticket = Assert.Single(await Tickets());
        Assert.Equal("ring-2", ticket.Zone);
        Assert.Equal("centre-1", ticket.CentreId);
        Assert.Equal(8, ticket.DistanceKm!.Value, 0.2);
        Assert.Equal(T0, ticket.OpenedAt);
        Assert.Equal(T0 + TimeSpan.FromHours(3), ticket.ArrivalDueAt);
        Assert.False(ticket.NeedsHuman);
        Assert.Equal(1, ticket.RaiseCount);
    }

    [Fact]
    public async Task Apply_SameEventTwice_SecondIsDuplicateAndNothingDoubles()
    {
        var e = Raise("site-a", "gw-a", seq: 1);

        Assert.Equal(TicketAction.Open, await _desk.ApplyAsync(e, default));
        Assert.Equal(TicketAction.Duplicate, await _desk.ApplyAsync(e, default));

        var ticket = Assert.Single(await Tickets());
        Assert.Equal(1, ticket.RaiseCount);
        await using var db = _dbs.CreateDbContext();
        Assert.Equal(1, await db.Occurrences.CountAsync());
    }

    [Fact]
    public async Task Apply_SecondRaiseWithNewEventId_AttachesToOpenTicket()
    {
        await _desk.ApplyAsync(Raise("site-a", "gw-a", seq: 1), default);

        var action = await _desk.ApplyAsync(Raise("site-a", "gw-a", seq: 2), default);

        Assert.Equal(TicketAction.Attach, action);
        var ticket = Assert.Single(await Tickets());
        Assert.Equal(2, ticket.RaiseCount);
        Assert.Equal("ring-1", ticket.Zone);
        Assert.Equal(T0 + TimeSpan.FromHours(2), ticket.ArrivalDueAt);
        await using var db = _dbs.CreateDbContext();
        Assert.Equal(2, await db.Occurrences.CountAsync(o => o.TicketId == ticket.Id));
    }

    [Fact]
    public async Task Apply_Clear_RecordsRestoredAt()
    {
        await _desk.ApplyAsync(Raise("site-a", "gw-a", seq: 1), default);
        var clearedAt = T0 + TimeSpan.FromMinutes(10);

        var action = await _desk.ApplyAsync(Event("site-a", "gw-a", 2, FaultState.Cleared, clearedAt), default);

        Assert.Equal(TicketAction.Restore, action);
        var ticket = Assert.Single(await Tickets());
        Assert.Equal(clearedAt, ticket.RestoredAt);
    }

    [Fact]
    public async Task Apply_StaleOlderSeq_DoesNotUndoNewerState()
    {
        await _desk.ApplyAsync(Raise("site-a", "gw-a", seq: 5), default);
        var clearedAt = T0 + TimeSpan.FromMinutes(10);
        await _desk.ApplyAsync(Event("site-a", "gw-a", 7, FaultState.Cleared, clearedAt), default);

        // A raise sent before the clear arrives late: it must not make the fault active again.
        var action = await _desk.ApplyAsync(Raise("site-a", "gw-a", seq: 6), default);

        Assert.Equal(TicketAction.Stale, action);
        var ticket = Assert.Single(await Tickets());
        Assert.Equal(clearedAt, ticket.RestoredAt);
        Assert.Equal(1, ticket.RaiseCount);
        await using var db = _dbs.CreateDbContext();
        Assert.Equal(1, await db.Occurrences.CountAsync(o => o.Stale));
    }

    [Fact]
    public async Task Apply_SiteBeyondEveryBandWithoutContract_NeedsHumanAndNoDeadline()
    {
        await _desk.ApplyAsync(Raise("site-far", "gw-far", seq: 1), default);

        var ticket = Assert.Single(await Tickets());
        Assert.True(ticket.NeedsHuman);
        Assert.Null(ticket.ArrivalDueAt);
        Assert.Equal(SlaOptions.UnzonedZone, ticket.Zone);
    }

    [Fact]
    public async Task Ingest_GatewayOfAnotherSite_RejectedAsWrongSiteAndNoTicket()
    {
        var e = Raise("site-a", "gw-b", seq: 1);

        await _ingest.HandleAsync(MqttTopics.Events("site-a"), PayloadCodec.Encode(e), default);

        await AssertRejectedOnlyAsync("wrong-site");
    }

    [Fact]
    public async Task Ingest_MalformedJson_RejectedAsMalformedWithoutThrowing()
    {
        await _ingest.HandleAsync(MqttTopics.Events("site-a"), Encoding.UTF8.GetBytes("{\"schema\": not json"), default);

        await AssertRejectedOnlyAsync("malformed");
    }

    [Fact]
    public async Task Ingest_UnknownGateway_RejectedAsUnknownGateway()
    {
        var e = Raise("site-a", "gw-nobody", seq: 1);

        await _ingest.HandleAsync(MqttTopics.Events("site-a"), PayloadCodec.Encode(e), default);

        await AssertRejectedOnlyAsync("unknown-gateway");
    }

    [Fact]
    public async Task Ingest_ValidEventFromRegisteredGateway_OpensTicket()
    {
        var e = Raise("site-a", "gw-a", seq: 1);

        await _ingest.HandleAsync(MqttTopics.Events("site-a"), PayloadCodec.Encode(e), default);

        var ticket = Assert.Single(await Tickets());
        Assert.Equal("site-a", ticket.SiteId);
        await using var db = _dbs.CreateDbContext();
        Assert.Empty(await db.RejectedMessages.ToListAsync());
    }

    private async Task AssertRejectedOnlyAsync(string reason)
    {
        await using var db = _dbs.CreateDbContext();
        var rejected = Assert.Single(await db.RejectedMessages.ToListAsync());
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(MqttTopics.Events("site-a"), rejected.Topic);
        Assert.Empty(await db.Tickets.ToListAsync());
    }

    private async Task<List<Ticket>> Tickets()
    {
        await using var db = _dbs.CreateDbContext();
        return await db.Tickets.AsNoTracking().ToListAsync();
    }

    private static Site SiteNorth(string id, double km) => new()
    {
        Id = id,
        Name = id,
        Latitude = CentreAt.Lat + (km / KmPerDegree),
        Longitude = CentreAt.Lon,
    };

    private static FaultEvent Raise(string site, string gateway, long seq) => Event(site, gateway, seq, FaultState.Raised, T0);

    private static FaultEvent Event(string site, string gateway, long seq, FaultState state, DateTimeOffset at) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = site,
        GatewayId = gateway,
        Seq = seq,
        DeviceId = "zone-3",
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = at,
    };
}

public sealed class SqliteStorageTests : StorageTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aftersales-test-{Guid.NewGuid():N}.db");

    protected override Task<Func<CloudDb>> CreateDatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite($"Data Source={_file};Pooling=False").Options;
        return Task.FromResult<Func<CloudDb>>(() => new SqliteCloudDb(options));
    }

    public override Task DisposeAsync()
    {
        File.Delete(_file);
        return Task.CompletedTask;
    }
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageTests
{
    protected override async Task<Func<CloudDb>> CreateDatabaseAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresCloudDb>().UseNpgsql(connectionString).Options;
        return () => new PostgresCloudDb(options);
    }
}

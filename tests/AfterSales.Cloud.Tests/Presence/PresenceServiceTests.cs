using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Desk;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Presence;

/// <summary>Presence against a real database and desk: heartbeats stay in memory; the sweep writes what changed.</summary>
public sealed class PresenceServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _dbs = null!;
    private ServiceProvider _desk = null!;
    private PresenceService _presence = null!;

    public async Task InitializeAsync()
    {
        _dbs = await SqliteTestDatabase.CreateAsync();
        await using (var db = _dbs.CreateDbContext())
        {
            db.ServiceCentres.Add(new ServiceCentre { Id = "centre", Name = "Centre", Latitude = 31.0, Longitude = 121.0 });
            db.Sites.Add(new Site { Id = "site-a", Name = "A", Latitude = 31.01, Longitude = 121.0 });
            db.Gateways.Add(new RegisteredGateway { Id = "gw-a", SiteId = "site-a", SecretHash = GatewaySecrets.Hash("secret") });
            await db.SaveChangesAsync();
        }

        _desk = DeskServices.Build(_dbs, _time);
        _presence = new PresenceService(new PresenceOptions().Policy(), _desk.GetRequiredService<TicketDeskService>(), _dbs, _time, NullLogger<PresenceService>.Instance);
        await _presence.InitializeAsync(default);
        _presence.Listening();
    }

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        _dbs.Dispose();
    }

    [Fact]
    public async Task LastWillThenBack_TicketOpenedAndRestoredAtTheSweeps_HeartbeatsWriteNothing()
    {
        _presence.Seen("gw-a", "site-a");
        Assert.Null(await LastSeenAsync()); // the heartbeat itself touched no row

        await _presence.SweepAsync(default);
        Assert.Equal(_time.GetUtcNow(), await LastSeenAsync()); // first sighting, recorded by the sweep

        _presence.Status("gw-a", "site-a", GatewayState.Offline);
        await _presence.SweepAsync(default);
        Assert.Null(await OfflineTicketAsync()); // a will stands three looks first (§2.14a)
        _time.Advance(TimeSpan.FromSeconds(15));
        await _presence.SweepAsync(default);
        Assert.Null((await OfflineTicketAsync())!.RestoredAt);

        _time.Advance(TimeSpan.FromMinutes(3));
        _presence.Seen("gw-a", "site-a");
        await _presence.SweepAsync(default);
        Assert.NotNull((await OfflineTicketAsync())!.RestoredAt);
    }

    [Fact]
    public async Task LastHeard_WrittenEveryFiveMinutes_AsWhenLastHeard_NeverBackwards()
    {
        _presence.Seen("gw-a", "site-a");
        await _presence.SweepAsync(default);
        var firstSighting = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(2));
        _presence.Seen("gw-a", "site-a");
        var heard = _time.GetUtcNow();
        await _presence.SweepAsync(default);
        Assert.Equal(firstSighting, await LastSeenAsync()); // a heartbeat writes nothing itself

        _time.Advance(TimeSpan.FromMinutes(3));
        await _presence.SweepAsync(default);
        Assert.Equal(heard, await LastSeenAsync()); // when it was heard, not when the sweep ran

        // Another node already wrote a later time: this node's older one does not move it back.
        var later = heard + TimeSpan.FromMinutes(6);
        await using (var db = _dbs.CreateDbContext())
        {
            await db.Gateways.Where(g => g.Id == "gw-a").ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSeenAt, later));
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        _presence.Seen("gw-a", "site-a");
        _time.Advance(PresenceService.LastHeardWriteInterval);
        await _presence.SweepAsync(default);
        Assert.Equal(later, await LastSeenAsync());
    }

    [Fact]
    public async Task SilentLongerThanTheTimeout_OfflineTicketAtTheSweep()
    {
        _presence.Seen("gw-a", "site-a");
        _time.Advance(TimeSpan.FromSeconds(85));
        await _presence.SweepAsync(default);
        Assert.Null(await OfflineTicketAsync());

        _time.Advance(TimeSpan.FromSeconds(1));
        await _presence.SweepAsync(default);

        Assert.NotNull(await OfflineTicketAsync());
    }

    [Fact]
    public async Task CloudOffTheBroker_SilentGatewayGetsNoTicket_UntilTheCloudHasHeardForTheWholeWindow()
    {
        _presence.Seen("gw-a", "site-a");
        _presence.NotListening();
        _time.Advance(TimeSpan.FromMinutes(10));
        await _presence.SweepAsync(default);
        Assert.Null(await OfflineTicketAsync());

        _presence.Listening();
        _time.Advance(TimeSpan.FromSeconds(85));
        await _presence.SweepAsync(default);
        Assert.Null(await OfflineTicketAsync());

        _time.Advance(TimeSpan.FromSeconds(5));
        await _presence.SweepAsync(default);
        Assert.NotNull(await OfflineTicketAsync());
    }

    [Fact]
    public async Task SweepFailsWhileTheDatabaseIsAway_TheChangeIsKeptAndWrittenByTheNextSweep()
    {
        _presence.Status("gw-a", "site-a", GatewayState.Offline);
        _time.Advance(TimeSpan.FromSeconds(15));
        string file;
        await using (var db = _dbs.CreateDbContext())
        {
            file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        }

        File.Move(file, file + ".away"); // the next open finds an empty database: every statement fails
        await Assert.ThrowsAnyAsync<SqliteException>(() => _presence.SweepAsync(default));
        File.Delete(file);
        File.Move(file + ".away", file);

        Assert.Null(await OfflineTicketAsync());
        await _presence.SweepAsync(default);

        Assert.NotNull(await OfflineTicketAsync());
    }

    private async Task<DateTimeOffset?> LastSeenAsync()
    {
        await using var db = _dbs.CreateDbContext();
        return await db.Gateways.Where(g => g.Id == "gw-a").Select(g => g.LastSeenAt).SingleAsync();
    }

    private async Task<Ticket?> OfflineTicketAsync()
    {
        await using var db = _dbs.CreateDbContext();
        return await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Fault == FaultCodes.GatewayOffline);
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Admin;

/// <summary>
/// docs/service-rules.md §7.2 on a real database and a fake clock: a token works once and until it expires;
/// the cloud keeps hashes only; each refusal says what to do.
/// </summary>
public sealed class GatewayEnrolmentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private SqliteTestDatabase _dbs = null!;
    private SiteAdminStore _admin = null!;
    private GatewayEnrolmentStore _enrolment = null!;

    public async Task InitializeAsync()
    {
        _dbs = await SqliteTestDatabase.CreateAsync();
        _admin = new SiteAdminStore(_dbs, new GatewayStore(_dbs), _time);
        _enrolment = new GatewayEnrolmentStore(_dbs, _time);
        await _admin.SaveSiteAsync(Tenants.Default, new Site { Id = "site-a", Name = "Jewellery store", Latitude = 30.65, Longitude = 104.08 }, default);
    }

    public Task DisposeAsync()
    {
        _dbs.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Token_UsedOnce_GivesACredentialWhoseHashAloneIsStored()
    {
        var token = await _admin.AddGatewayAsync(Tenants.Default, "gw-a", "site-a", 72, default);
        Assert.Equal(string.Empty, (await GatewayAsync()).SecretHash); // nothing can log in before enrolment

        var granted = await _enrolment.EnrolAsync(token, default);

        Assert.Null(granted.Refusal);
        Assert.Equal(("gw-a", "site-a"), (granted.GatewayId, granted.Site!.Id));
        var stored = await GatewayAsync();
        Assert.True(GatewaySecrets.Verify(granted.Secret!, stored.SecretHash));
        Assert.False(GatewaySecrets.CostsMoreThanIssued(stored.SecretHash)); // a random secret: a login checks it cheaply
        Assert.NotNull(GatewaySecrets.AsMosquittoHash(stored.SecretHash)); // and Mosquitto's password file takes it as it is
        Assert.DoesNotContain(granted.Secret!, stored.SecretHash, StringComparison.Ordinal);
        Assert.NotEqual(token, stored.EnrolmentTokenHash);
        Assert.Equal(T0, stored.EnrolledAt);

        var again = await _enrolment.EnrolAsync(token, default);
        Assert.Contains("already used", again.Refusal, StringComparison.Ordinal);
        Assert.Null(again.Secret);
        Assert.True(GatewaySecrets.Verify(granted.Secret!, (await GatewayAsync()).SecretHash)); // the refused try changed nothing
    }

    [Fact]
    public async Task Token_Expired_Refused_ANewTokenWorks_AndTheOldOneIsUnknown()
    {
        var old = await _admin.AddGatewayAsync(Tenants.Default, "gw-a", "site-a", 72, default);
        _time.Advance(TimeSpan.FromHours(72));

        var expired = await _enrolment.EnrolAsync(old, default);
        Assert.Contains("expired at 2026-11-26 02:00 UTC", expired.Refusal, StringComparison.Ordinal);

        var fresh = await _admin.NewTokenAsync(Tenants.Default, "gw-a", 72, default);
        Assert.Contains("not known", (await _enrolment.EnrolAsync(old, default)).Refusal, StringComparison.Ordinal);
        Assert.Null((await _enrolment.EnrolAsync(fresh!, default)).Refusal);
    }

    [Fact]
    public async Task Gateway_OnlyForTheAdminsOwnSites_WithAClearReason()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _admin.AddGatewayAsync("other-company", "gw-x", "site-a", 72, default));
        Assert.Equal("Unknown site 'site-a'.", ex.Message);
        await _admin.AddGatewayAsync(Tenants.Default, "gw-a", "site-a", 72, default);
        ex = await Assert.ThrowsAsync<ArgumentException>(() => _admin.AddGatewayAsync(Tenants.Default, "gw-a", "site-a", 72, default));
        Assert.Contains("is taken", ex.Message, StringComparison.Ordinal);
        Assert.Null(await _admin.NewTokenAsync("other-company", "gw-a", 72, default));
        Assert.False(await _admin.RemoveGatewayAsync("other-company", "gw-a", default));
    }

    private async Task<RegisteredGateway> GatewayAsync()
    {
        await using var db = _dbs.CreateDbContext();
        return await db.Gateways.AsNoTracking().SingleAsync(g => g.Id == "gw-a");
    }
}

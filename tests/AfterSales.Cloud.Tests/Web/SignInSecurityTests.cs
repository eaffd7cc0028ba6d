using System.Net;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>Sign-in and session defences, on a real host (docs/security.md, "Sign-in" and "Browser").</summary>
public sealed class SignInSecurityTests
{
    [Fact]
    public async Task WrongPasswordFiveTimes_LocksTheAccount_UntilTheLockoutEnds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Time = time });
        using var http = host.AnonymousClient(new CookieContainer());

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await DeskHost.PostPasswordAsync(http, "dispatch", "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var locked = await DeskHost.PostPasswordAsync(http, "dispatch", DeskHost.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked until", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        time.AdjustTime(time.GetUtcNow().AddMinutes(15)); // the clock only (README: AdjustTime in host tests)
        using var open = await DeskHost.PostPasswordAsync(http, "dispatch", DeskHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    [Fact]
    public async Task ManySignInAttemptsFromOneAddress_AreRefusedWith429()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Auth:AttemptsPerMinutePerAddress=3"] });
        using var http = host.AnonymousClient(new CookieContainer());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await DeskHost.PostPasswordAsync(http, $"nobody-{i}", "whatever-password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsSession_AtTheNextCheck()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Time = time });
        using var http = await host.ClientAsync("dispatch");
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(http, "/desk"));

        await ChangeUserAsync(host, "dispatch", u => u.Disabled = true);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(http, "/desk"));

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(http, "/desk"));
    }

    [Fact]
    public async Task AccountGivenAnotherRole_MustSignInAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Time = time });
        using var http = await host.ClientAsync("dispatch");

        await ChangeUserAsync(host, "dispatch", u => u.Grant(ApiKeyRoles.Customer, u.TenantId, null, "Jinli"));
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(http, "/desk"));
    }

    [Fact]
    public async Task RevokedKey_EndsTheBrowserSessionItStarted()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Time = time });
        var (id, key) = await AddKeyAsync(host);
        using var http = host.AnonymousClient(new CookieContainer());
        using var signedIn = await DeskHost.PostSignInAsync(http, "Key", new() { ["key"] = key });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(http, "/desk"));

        await using (var db = await Db(host).CreateDbContextAsync())
        {
            (await db.ApiKeys.SingleAsync(k => k.Id == id)).RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(http, "/desk"));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.Redirect)]
    public async Task KeyInTheAddress_SignsInOnlyWhereTurnedOn(bool allowed, HttpStatusCode expected)
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = [$"Auth:AllowKeyLinks={allowed}"] });
        var (_, key) = await AddKeyAsync(host);
        using var http = host.AnonymousClient(new CookieContainer());

        using var response = await http.GetAsync(new Uri($"/signin?key={key}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.Equal(allowed, cookies.Any(c => c.StartsWith("aftersales=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pages_CannotBeFramedOrSniffed_AndScriptsComeOnlyFromTheSite()
    {
        await using var host = await DeskHost.StartAsync();
        using var http = host.AnonymousClient(new CookieContainer());

        using var response = await http.GetAsync(new Uri("/signin", UriKind.Relative));

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP would be ignored and misleading");
    }

    [Fact]
    public async Task BehindAnHttpsProxy_CookiesAreSecure_AndHstsIsSent()
    {
        await using var host = await DeskHost.StartAsync();
        using var http = host.AnonymousClient(new CookieContainer());
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await DeskHost.PostPasswordAsync(http, "dispatch", DeskHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var sessionCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aftersales=", StringComparison.Ordinal));
        Assert.Contains("secure", sessionCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignedInBrowser_StaysSignedIn_AfterTheCloudRestarts()
    {
        var dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-restart-{Guid.NewGuid():N}.db");
        var cookies = new CookieContainer();
        try
        {
            await using (var first = await DeskHost.StartAsync(new DeskHostSettings { DatabaseFile = dbFile }))
            {
                using var http = first.AnonymousClient(cookies);
                using var signedIn = await DeskHost.PostPasswordAsync(http, "dispatch", DeskHost.Password);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }

            await using var second = await DeskHost.StartAsync(new DeskHostSettings { DatabaseFile = dbFile });
            var carried = new CookieContainer();
            carried.Add(second.BaseAddress, cookies.GetCookies(new Uri(second.BaseAddress.GetLeftPart(UriPartial.Scheme) + "127.0.0.1/")));
            using var again = second.AnonymousClient(carried);
            Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(again, "/desk"));
        }
        finally
        {
            File.Delete(dbFile);
        }
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static IDbContextFactory<CloudDb> Db(DeskHost host) => host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();

    private static async Task ChangeUserAsync(DeskHost host, string userName, Action<UserAccount> change)
    {
        await using var db = await Db(host).CreateDbContextAsync();
        change(await db.Users.SingleAsync(u => u.UserName == userName));
        await db.SaveChangesAsync();
    }

    private static async Task<(long Id, string Key)> AddKeyAsync(DeskHost host)
    {
        var key = ApiKeyHasher.Generate();
        await using var db = await Db(host).CreateDbContextAsync();
        var row = new ApiKey { Name = "dispatch-console", Role = ApiKeyRoles.Dispatcher, TenantId = "acme", KeyHash = ApiKeyHasher.Hash(key), CreatedAt = DateTimeOffset.UtcNow };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync();
        return (row.Id, key);
    }
}

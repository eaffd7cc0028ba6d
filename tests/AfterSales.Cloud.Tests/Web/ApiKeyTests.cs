using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>API keys per company: an admin issues, lists and revokes their own; a revoked key stops at once (docs/security.md, "API keys").</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task Admin_IssuesListsAndRevokesOwnKeys_RevokedKeyRefusedAtOnce_OtherCompanyCannotTouchThem()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings
        {
            Extra =
            [
                "Seed:Users:6:UserName=other-admin", "Seed:Users:6:DisplayName=other-admin", $"Seed:Users:6:Password={DeskHost.Password}",
                "Seed:Users:6:Role=admin", "Seed:Users:6:TenantId=other",
            ],
        });
        using var admin = await host.ClientAsync("admin");
        using var otherAdmin = await host.ClientAsync("other-admin");

        using var created = await admin.PostAsJsonAsync("/api/v1/apikeys", new { name = "nightly export", role = "dispatcher" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var issued = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = issued.RootElement.GetProperty("id").GetInt64();
        var key = issued.RootElement.GetProperty("key").GetString()!;
        Assert.Equal("acme", issued.RootElement.GetProperty("tenantId").GetString());

        using var script = host.AnonymousClient(new CookieContainer());
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);

        // Listed for its own company without the key or its hash; invisible and untouchable for another.
        var mine = await admin.GetStringAsync(new Uri("/api/v1/apikeys", UriKind.Relative));
        Assert.Contains("nightly export", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(key, mine, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", mine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("nightly export", await otherAdmin.GetStringAsync(new Uri("/api/v1/apikeys", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsync(new Uri($"/api/v1/apikeys/{id}/revoke", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);

        using var bad = await admin.PostAsJsonAsync("/api/v1/apikeys", new { name = "x", role = "root" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Role must be one of", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Revoked: the very next request is refused.
        using var revoked = await admin.PostAsync(new Uri($"/api/v1/apikeys/{id}/revoke", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);
        Assert.Contains("\"revokedAt\":\"", await admin.GetStringAsync(new Uri("/api/v1/apikeys", UriKind.Relative)), StringComparison.Ordinal);
    }
}

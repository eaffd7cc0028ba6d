using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Cloud.Tests.Web;

namespace AfterSales.Cloud.Tests.Admin;

/// <summary>
/// Issue 15, users: an admin creates, disables, re-enables, resets and re-roles the users of their own
/// company through the API; each change reaches the user's open session at its very next request
/// (the periodic cookie check runs only every 60 s), and the seed never undoes it at a restart.
/// </summary>
public sealed class UserAdminTests : IAsyncLifetime
{
    private DeskHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings());
        _admin = await _host.ClientAsync("admin");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AdminCreatesThenDisablesUser_OpenSessionEndsAtOnce_EnableLetsThemSignInAgain()
    {
        var created = await PostAsync("/api/v1/admin/users", new { userName = "zhang.min", displayName = "张敏", role = "dispatcher", culture = "en" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var password = created.Body.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 8);
        Assert.Equal("en", created.Body.GetProperty("user").GetProperty("culture").GetString());

        using var zhang = await SignInAsync("zhang.min", password);
        Assert.Equal(HttpStatusCode.OK, (await zhang.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/v1/admin/users/zhang.min/disable", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await zhang.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);
        using (var again = _host.AnonymousClient(new CookieContainer()))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, (await DeskHost.PostPasswordAsync(again, "zhang.min", password)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/v1/admin/users/zhang.min/enable", null)).Status);
        using var back = await SignInAsync("zhang.min", password);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AdminResetsPassword_OldPasswordAndOpenSessionStop_NewPasswordWorks()
    {
        using var dispatcher = await _host.ClientAsync("dispatch");
        var reset = await PostAsync("/api/v1/admin/users/dispatch/password", new { password = "brand-new-pass-7" });
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal("brand-new-pass-7", reset.Body.GetProperty("password").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await dispatcher.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);
        using var http = _host.AnonymousClient(new CookieContainer());
        Assert.NotEqual(HttpStatusCode.Redirect, (await DeskHost.PostPasswordAsync(http, "dispatch", DeskHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DeskHost.PostPasswordAsync(http, "dispatch", "brand-new-pass-7")).StatusCode);
    }

    [Fact]
    public async Task AdminMakesDispatcherATechnician_OpenSessionEnds_NextSignInHasTheNewRole()
    {
        using var dispatcher = await _host.ClientAsync("dispatch");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync(new Uri("/desk", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/v1/admin/users/dispatch/role", new { role = "technician", technicianId = "wang" })).Status);
        var stale = await dispatcher.GetAsync(new Uri("/desk", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/signin", stale.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var technician = await _host.ClientAsync("dispatch");
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync(new Uri("/desk", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await technician.GetAsync(new Uri("/jobs", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("{\"userName\":\"x1\",\"role\":\"dispatcher\",\"password\":\"short\"}", "at least 8 characters")]
    [InlineData("{\"userName\":\"x2\",\"role\":\"boss\"}", "role 'boss' is unknown")]
    [InlineData("{\"userName\":\"x3\",\"role\":\"technician\",\"technicianId\":\"zhou\"}", "Unknown technician 'zhou'")]
    [InlineData("{\"userName\":\"x4\",\"role\":\"customer\"}", "customer name")]
    [InlineData("{\"userName\":\"has space\",\"role\":\"dispatcher\"}", "not a valid user name")]
    [InlineData("{\"userName\":\"other-dispatch\",\"role\":\"dispatcher\"}", "is taken")]
    [InlineData("{\"userName\":\"x5\",\"role\":\"dispatcher\",\"culture\":\"fr\"}", "language 'fr'")]
    public async Task BadNewUser_ClearErrorAndNothingCreated(string body, string says)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _admin.PostAsync(new Uri("/api/v1/admin/users", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var users = await _admin.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/admin/users", UriKind.Relative));
        Assert.Equal(["admin", "dispatch", "jinli", "li", "wang"], users!.Select(u => u.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task AdminCannotDisableOrDemoteThemselves_NorTouchAnotherCompanysUser()
    {
        var self = await PostAsync("/api/v1/admin/users/admin/disable", null);
        Assert.Equal(HttpStatusCode.BadRequest, self.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "/api/v1/admin/users/admin/role", new { role = "dispatcher" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative))).StatusCode);

        using var victim = await _host.ClientAsync("other-dispatch");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/api/v1/admin/users/other-dispatch/disable", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/api/v1/admin/users/other-dispatch/password", new { password = "attacker-pass-1" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Put, "/api/v1/admin/users/other-dispatch/role", new { role = "customer", customer = "x" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RoleAndDisabledSetByAdmin_SurviveARestart()
    {
        var dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-users-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = await DeskHost.StartAsync(new DeskHostSettings { DatabaseFile = dbFile }))
            {
                using var admin = await first.ClientAsync("admin");
                using var role = await admin.PutAsJsonAsync(new Uri("/api/v1/admin/users/dispatch/role", UriKind.Relative), new { role = "customer", customer = "Jinli" });
                Assert.Equal(HttpStatusCode.OK, role.StatusCode);
                using var off = await admin.PostAsync(new Uri("/api/v1/admin/users/wang/disable", UriKind.Relative), null);
                Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            }

            await using var second = await DeskHost.StartAsync(new DeskHostSettings { DatabaseFile = dbFile });
            using var again = await second.ClientAsync("admin");
            var users = (await again.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/admin/users", UriKind.Relative)))!.ToDictionary(u => u.GetProperty("userName").GetString()!);
            Assert.Equal("customer", users["dispatch"].GetProperty("role").GetString());
            Assert.True(users["wang"].GetProperty("disabled").GetBoolean());
        }
        finally
        {
            File.Delete(dbFile);
        }
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var http = _host.AnonymousClient(new CookieContainer());
        using var response = await DeskHost.PostPasswordAsync(http, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(text) ? "null" : text);
        return (response.StatusCode, doc.RootElement.Clone());
    }
}

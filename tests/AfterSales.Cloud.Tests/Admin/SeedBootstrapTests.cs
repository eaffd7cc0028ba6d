using System.Net;
using System.Net.Http.Json;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Admin;

/// <summary>Issue 15: the seed only bootstraps an empty database; what an admin changed survives every restart.</summary>
public sealed class SeedBootstrapTests
{
    [Fact]
    public async Task AdminChanges_SurviveARestart_SeedDoesNotResetThem()
    {
        var dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-seed-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = await DeskHost.StartAsync(new DeskHostSettings { DatabaseFile = dbFile }))
            {
                using var admin = await first.ClientAsync("admin");
                using var renamed = await admin.PutAsJsonAsync(new Uri("/api/v1/admin/sites/site-a", UriKind.Relative), new { name = "珠宝店（新址）", customer = "Jinli", latitude = 30.652, longitude = 104.08 });
                Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

                // A new password, as a reset by the admin leaves it.
                var dbs = first.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
                await using var db = await dbs.CreateDbContextAsync();
                var user = await db.Users.SingleAsync(u => u.UserName == "dispatch");
                user.SetPasswordHash(UserStore.Hash(user, "a-new-password-9"));
                await db.SaveChangesAsync();
            }

            await using var second = await DeskHost.StartAsync(new DeskHostSettings { DatabaseFile = dbFile });
            await using (var db = await second.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync())
            {
                Assert.Equal("珠宝店（新址）", (await db.Sites.SingleAsync(s => s.Id == "site-a")).Name);
            }

            using var http = second.AnonymousClient(new CookieContainer());
            using var oldPassword = await DeskHost.PostPasswordAsync(http, "dispatch", DeskHost.Password);
            Assert.NotEqual(HttpStatusCode.Redirect, oldPassword.StatusCode);
            using var newPassword = await DeskHost.PostPasswordAsync(http, "dispatch", "a-new-password-9");
            Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        }
        finally
        {
            File.Delete(dbFile);
        }
    }

    [Fact]
    public void SeedGatewaySecretHash_IsRecognised_APlainTextIsNot()
    {
        Assert.True(GatewaySecrets.IsHash(GatewaySecrets.Hash("demo-secret-jinjiang")));
        Assert.False(GatewaySecrets.IsHash("demo-secret-jinjiang"));
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Hosting;

/// <summary><c>apikey create</c>: a new key in the configured database; the caller prints it once.</summary>
internal static class ApiKeyIssuer
{
    public static async Task<string> CreateAsync(string[] hostArgs, string name, string role, string tenant, CancellationToken cancellationToken)
    {
        var app = CloudHost.Build(hostArgs);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var key = ApiKeyHasher.Generate();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        db.ApiKeys.Add(new ApiKey { Name = name, Role = role, TenantId = tenant, KeyHash = ApiKeyHasher.Hash(key), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Hosting;

/// <summary><c>apikey create|list|revoke</c> against the configured database (migrated first), as the operator on the server.</summary>
internal static class ApiKeyIssuer
{
    /// <summary>The new key, alone on standard output so scripts can capture it (the store would log a line before it).</summary>
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

    public static Task<List<ApiKeyInfo>> ListAsync(string[] hostArgs, string? tenant, CancellationToken cancellationToken) =>
        WithStoreAsync(hostArgs, keys => keys.ListAsync(tenant, cancellationToken), cancellationToken);

    public static Task<ApiKeyInfo?> RevokeAsync(string[] hostArgs, long id, CancellationToken cancellationToken) =>
        WithStoreAsync(hostArgs, keys => keys.RevokeAsync(null, id, "command line", cancellationToken), cancellationToken);

    private static async Task<T> WithStoreAsync<T>(string[] hostArgs, Func<ApiKeyStore, Task<T>> work, CancellationToken cancellationToken)
    {
        var app = CloudHost.Build(hostArgs, logsToStandardError: true);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return await work(app.Services.GetRequiredService<ApiKeyStore>());
    }
}

using System.Globalization;
using System.Security.Claims;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Auth;

/// <summary>API keys: only their hash is stored; a revoked key stays as a record but lets nobody in.</summary>
internal sealed partial class ApiKeyStore(IDbContextFactory<CloudDb> dbs, TimeProvider time, ILogger<ApiKeyStore> log)
{
    /// <summary>Issues a key of <paramref name="role"/> for <paramref name="tenantId"/>; the key itself is returned once and only its hash is kept.</summary>
    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(string tenantId, string name, string role, string by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new ArgumentException("A key needs a name (what it is for) of at most 100 characters.", nameof(name));
        }

        if (!ApiKeyRoles.All.Contains(role))
        {
            throw new ArgumentException($"Role must be one of {string.Join(", ", ApiKeyRoles.All)}.", nameof(role));
        }

        var key = ApiKeyHasher.Generate();
        var row = new ApiKey { Name = name.Trim(), Role = role, TenantId = tenantId, KeyHash = ApiKeyHasher.Hash(key), CreatedAt = time.GetUtcNow() };
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(log, row.Id, row.Name, row.Role, tenantId, by);
        return (ApiKeyInfo.Of(row), key);
    }

    /// <summary>The keys of one company (every company's when <paramref name="tenantId"/> is null: the operator's command line), never their hashes.</summary>
    public async Task<List<ApiKeyInfo>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().Where(k => tenantId == null || k.TenantId == tenantId).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ApiKeyInfo.Of)];
    }

    /// <summary>
    /// Revokes a key of <paramref name="tenantId"/> (any company's when null): scripts using it are refused from the next
    /// request, browser sessions started with it end at their next check. False when there is no such key.
    /// </summary>
    public async Task<ApiKeyInfo?> RevokeAsync(string? tenantId, long id, string by, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && (tenantId == null || k.TenantId == tenantId), cancellationToken);
        if (row is null)
        {
            return null;
        }

        row.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        LogRevoked(log, row.Id, row.Name, row.TenantId, by);
        return ApiKeyInfo.Of(row);
    }

    /// <summary>The principal for a key, for scripts (the API key scheme) and for the browser sign-in that accepts the same keys.</summary>
    public async Task<ClaimsPrincipal?> FindAsync(string key, string scheme, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHasher.Hash(key.Trim());
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var user = new DeskUser(found.Name, found.Role, found.TenantId, null, null);
        return DeskClaims.Principal(user, scheme, new Claim(ApiKeyAuthenticationHandler.KeyClaim, found.Id.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<bool> IsActiveAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AnyAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {Id} ({Name}, {Role}) issued for tenant {Tenant} by {By}")]
    private static partial void LogCreated(ILogger logger, long id, string name, string role, string tenant, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {Id} ({Name}) of tenant {Tenant} revoked by {By}")]
    private static partial void LogRevoked(ILogger logger, long id, string name, string tenant, string by);
}

/// <summary>What may be shown about a key: everything but its hash.</summary>
public sealed record ApiKeyInfo(long Id, string Name, string Role, string TenantId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyInfo Of(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Role, key.TenantId, key.CreatedAt, key.RevokedAt);
    }
}

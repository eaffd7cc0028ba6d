using System.Globalization;
using System.Security.Claims;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Auth;

/// <summary>API keys: only their hash is stored; a revoked key stays as a record but lets nobody in.</summary>
internal sealed class ApiKeyStore(IDbContextFactory<CloudDb> dbs)
{
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
}

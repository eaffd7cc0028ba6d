using System.Security.Claims;
using System.Text.Encodings.Web;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Auth;

/// <summary>
/// Scripts authenticate with <c>Authorization: Bearer &lt;key&gt;</c> (or <c>X-Api-Key</c>).
/// No header means "not this scheme", so the browser's cookie can answer instead.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<CloudDb> dbs) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request.Headers);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await FindAsync(dbs, key, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The principal for a key, shared with the browser sign-in that accepts the same keys.</summary>
    public static async Task<ClaimsPrincipal?> FindAsync(IDbContextFactory<CloudDb> dbs, string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHasher.Hash(key.Trim());
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var user = new DeskUser(found.Name, found.Role, found.TenantId, null, null);
        return DeskClaims.Principal(user, SchemeName, new Claim("api_key_id", found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string? ReadKey(IHeaderDictionary headers)
    {
        if (headers.TryGetValue("X-Api-Key", out var direct) && !string.IsNullOrWhiteSpace(direct))
        {
            return direct.ToString();
        }

        var authorization = headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..] : null;
    }
}

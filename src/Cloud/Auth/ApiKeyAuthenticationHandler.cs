using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
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
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string KeyClaim = "api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request.Headers);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await keys.FindAsync(key, SchemeName, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
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

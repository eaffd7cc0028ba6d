using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Auth;

/// <summary>
/// Checks a browser's cookie against what it was issued for, every
/// <see cref="SignInOptions.RevalidateSeconds"/>: a disabled account, a changed password, role or
/// tenant (a new security stamp), or a revoked key ends the session at the next check instead of
/// when the 12-hour cookie runs out. An account an admin changed on this node (<see cref="AccessChanges"/>)
/// is checked at its very next request.
/// </summary>
internal static class CookieRevalidation
{
    private const string CheckedAt = "checked_at";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var every = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<SignInOptions>>().Value.RevalidateSeconds);
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < every
            && !ChangedSince(context, services, checkedAt))
        {
            return;
        }

        if (!await IsStillValidAsync(context, services, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static bool ChangedSince(CookieValidatePrincipalContext context, IServiceProvider services, DateTimeOffset checkedAt) =>
        context.Principal?.FindFirst(UserStore.UserClaim)?.Value is { } userName && services.GetRequiredService<AccessChanges>().ChangedSince(userName, checkedAt);

    private static async Task<bool> IsStillValidAsync(CookieValidatePrincipalContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var principal = context.Principal;
        if (principal?.FindFirst(UserStore.UserClaim)?.Value is { } userName)
        {
            return await services.GetRequiredService<UserStore>().IsCurrentAsync(userName, principal.FindFirst(UserStore.StampClaim)?.Value, cancellationToken);
        }

        if (principal?.FindFirst(ApiKeyAuthenticationHandler.KeyClaim)?.Value is { } keyText && long.TryParse(keyText, CultureInfo.InvariantCulture, out var keyId))
        {
            return await services.GetRequiredService<ApiKeyStore>().IsActiveAsync(keyId, cancellationToken);
        }

        return false;
    }
}

using System.Globalization;
using System.Security.Claims;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>Browser sign-in with a user name and password, or with the same access keys scripts use; the browser then holds a cookie.</summary>
[EnableRateLimiting(SignInOptions.RateLimitPolicy)]
internal sealed class SignInModel(ApiKeyStore keys, UserStore users, IOptions<SignInOptions> options) : PageModel
{
    private const string UnknownKey = "That key is unknown or has been revoked.";

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>
    /// A link carrying the key (<c>/signin?key=…</c>) signs in at once — only where
    /// <see cref="SignInOptions.AllowKeyLinks"/> is on: the demo prints such a link.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Page();
        }

        if (!options.Value.AllowKeyLinks)
        {
            Error = "Signing in with a key in the address is turned off here. Paste the key below instead.";
            return Page();
        }

        return await SignInWithAsync(await keys.FindAsync(key, CookieAuthenticationDefaults.AuthenticationScheme, cancellationToken), UnknownKey);
    }

    public async Task<IActionResult> OnPostKeyAsync(string key, CancellationToken cancellationToken) =>
        await SignInWithAsync(await keys.FindAsync(key ?? string.Empty, CookieAuthenticationDefaults.AuthenticationScheme, cancellationToken), UnknownKey);

    public async Task<IActionResult> OnPostPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var outcome = await users.SignInAsync(
            userName ?? string.Empty,
            password ?? string.Empty,
            CookieAuthenticationDefaults.AuthenticationScheme,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken);
        return await SignInWithAsync(
            outcome.Principal,
            outcome.LockedUntil is { } until
                ? $"Too many wrong passwords: this account is locked until {until.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC."
                : "The user name or password is wrong.");
    }

    private async Task<IActionResult> SignInWithAsync(ClaimsPrincipal? principal, string error)
    {
        if (principal is null)
        {
            Error = error;
            return Page();
        }

        var cookieIdentity = new ClaimsIdentity(principal.Claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(cookieIdentity));
        if (Cultures.Resolve(principal.FindFirst(UserStore.CultureClaim)?.Value) is { } culture)
        {
            CultureSwitchApi.Remember(HttpContext, culture);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Landing.For(DeskUser.From(principal)));
    }
}

using System.Security.Claims;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>Browser sign-in with a user name and password, or with the same access keys scripts use; the browser then holds a cookie.</summary>
[AllowAnonymous]
internal sealed class SignInModel(IDbContextFactory<CloudDb> dbs, UserStore users) : PageModel
{
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A link carrying the key (<c>/signin?key=…</c>) signs in at once: how the demo prints its URL.</summary>
    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key) ? Page() : await SignInWithAsync(await ApiKeyAuthenticationHandler.FindAsync(dbs, key, cancellationToken), "That key is unknown or has been revoked.");

    public async Task<IActionResult> OnPostKeyAsync(string key, CancellationToken cancellationToken) =>
        await SignInWithAsync(await ApiKeyAuthenticationHandler.FindAsync(dbs, key, cancellationToken), "That key is unknown or has been revoked.");

    public async Task<IActionResult> OnPostPasswordAsync(string userName, string password, CancellationToken cancellationToken) =>
        await SignInWithAsync(
            await users.SignInAsync(userName ?? string.Empty, password ?? string.Empty, CookieAuthenticationDefaults.AuthenticationScheme, cancellationToken),
            "The user name or password is wrong.");

    private async Task<IActionResult> SignInWithAsync(ClaimsPrincipal? principal, string error)
    {
        if (principal is null)
        {
            Error = error;
            return Page();
        }

        var cookieIdentity = new ClaimsIdentity(principal.Claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(cookieIdentity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Landing.For(DeskUser.From(principal)));
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>Browser sign-in with the same access keys scripts use; the browser then holds a cookie.</summary>
[AllowAnonymous]
internal sealed class SignInModel(IDbContextFactory<CloudDb> dbs) : PageModel
{
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A link carrying the key (<c>/signin?key=…</c>) signs in at once: how the demo prints its URL.</summary>
    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key) ? Page() : await SignInWithAsync(key, cancellationToken);

    public Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken) => SignInWithAsync(key, cancellationToken);

    private async Task<IActionResult> SignInWithAsync(string key, CancellationToken cancellationToken)
    {
        var principal = await ApiKeyAuthenticationHandler.FindAsync(dbs, key, cancellationToken);
        if (principal is null)
        {
            Error = "That key is unknown or has been revoked.";
            return Page();
        }

        var cookieIdentity = new System.Security.Claims.ClaimsIdentity(principal.Claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(cookieIdentity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/tickets");
    }
}

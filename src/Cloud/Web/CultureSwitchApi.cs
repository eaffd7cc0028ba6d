using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Localization;
using Microsoft.AspNetCore.Localization;

namespace AfterSales.Cloud.Web;

/// <summary>
/// The language switch in the page header: sets the culture cookie and, for a signed-in user,
/// stores the choice on the account so the next sign-in opens in it (docs/localization.md).
/// </summary>
internal static class CultureSwitchApi
{
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", async (HttpContext http, UserStore users, CancellationToken cancellationToken) =>
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var culture = Cultures.Resolve(form["culture"]);
            if (culture is null)
            {
                return Results.BadRequest($"Unknown language '{form["culture"]}'; use one of {string.Join(", ", Cultures.Supported)}.");
            }

            Remember(http, culture);
            if (http.User.FindFirst(UserStore.UserClaim)?.Value is { } userName)
            {
                await users.SetCultureAsync(userName, culture, cancellationToken);
            }

            var back = form["returnUrl"].ToString();
            return Results.LocalRedirect(back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/");
        }).AllowAnonymous().DisableAntiforgery();

    /// <summary>Writes the cookie the request culture is read from, for a year.</summary>
    public static void Remember(HttpContext http, string culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}

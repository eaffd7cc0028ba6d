using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace AfterSales.Cloud.Localization;

/// <summary>
/// Wires resource lookup and the request culture: the culture cookie (set by the language switch
/// and at sign-in from the user's stored choice), else <see cref="CultureOptions.DefaultCulture"/>.
/// The browser's Accept-Language is not asked: the service company decides the default.
/// </summary>
public static class LocalizationRegistration
{
    public static IServiceCollection AddCloudLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CultureOptions>(configuration.GetSection(CultureOptions.Section));
        services.AddLocalization();
        services.AddSingleton<Wording>();
        // Pages carry Chinese as text, not as &#x…; escapes (smaller, and searchable in the page source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static IApplicationBuilder UseCloudLocalization(this IApplicationBuilder app, IConfiguration configuration)
    {
        var fallback = Cultures.Resolve(configuration.GetSection(CultureOptions.Section).Get<CultureOptions>()?.DefaultCulture) ?? Cultures.Chinese;
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(fallback)
            .AddSupportedCultures([.. Cultures.Supported])
            .AddSupportedUICultures([.. Cultures.Supported]);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return app.UseRequestLocalization(options);
    }
}

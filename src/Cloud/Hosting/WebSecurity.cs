using System.Net;
using System.Threading.RateLimiting;
using AfterSales.Cloud.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>The web app's defences: sign-in limits, a shared key ring, HTTPS behind a proxy, security headers (docs/security.md).</summary>
internal static class WebSecurity
{
    public const string TrustedProxiesKey = "Web:TrustedProxies";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>().Bind(configuration.GetSection(SignInOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Cookies are encrypted with keys every node must share and a restart must keep.
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddDataProtection().SetApplicationName("AfterSales");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DataProtectionKeyStore>()));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInOptions.RateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = http.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value.AttemptsPerMinutePerAddress,
                        Window = TimeSpan.FromMinutes(1),
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        // Behind a TLS-terminating reverse proxy the request arrives as HTTP; the proxy's
        // X-Forwarded-Proto makes it HTTPS again, so cookies are Secure and HSTS is sent.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(http.Response.Headers);
                if (http.Request.IsHttps)
                {
                    http.Response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseRateLimiter();
        return app;
    }
}

using AfterSales.Cloud.Api;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Serilog;

namespace AfterSales.Cloud.Hosting;

/// <summary>Composes the cloud service: storage, broker, ingest, presence, web and API.</summary>
internal static class CloudHost
{
    private const string SmartScheme = "ApiKeyOrCookie";

    public static WebApplication Build(string[] args, TimeProvider? timeProvider = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,

            // Razor pages and controllers are discovered from the application assembly; name it,
            // so a host started from another entry assembly (a test runner) still serves the pages.
            ApplicationName = typeof(CloudHost).Assembly.GetName().Name,
        });
        ExtraConfigFile.Insert(builder.Configuration, args);
        builder.Services.AddSerilog((_, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        var services = builder.Services;
        services.AddSingleton(timeProvider ?? TimeProvider.System);
        services.Configure<BrokerOptions>(builder.Configuration.GetSection(BrokerOptions.Section));
        services.Configure<SlaOptions>(builder.Configuration.GetSection(SlaOptions.Section));
        services.Configure<PresenceOptions>(builder.Configuration.GetSection(PresenceOptions.Section));
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.Configure<SiteConfigOptions>(builder.Configuration.GetSection(SiteConfigOptions.Section));

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddCloudStorage(database);

        services.AddSingleton(sp => new ArrivalPolicy(sp.GetRequiredService<IOptions<SlaOptions>>().Value.EffectiveBands()));
        services.AddSingleton(sp => new PresenceBook(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PresenceOptions>>().Value.OfflineAfterSeconds)));
        services.AddSingleton<GatewayDirectory>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<RejectionLog>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<CloudBrokerCredential>();

        // Start order matters: schema first, then the broker, then the subscriber and the watchdog.
        services.AddHostedService<DatabaseInitializer>();
        if (builder.Configuration.GetValue(BrokerOptions.Section + ":" + nameof(BrokerOptions.Embedded), true))
        {
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        services.AddSingleton<MqttIngestClient>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestClient>());
        services.AddHostedService<PresenceMonitor>();
        services.AddHostedService<SiteConfigPublisher>();

        AddWebAuth(services);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
        });

        var app = builder.Build();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => Results.Redirect("/tickets")).AllowAnonymous();
        app.MapGet("/healthz", (MqttIngestClient ingest) => ingest.IsConnected
            ? Results.Ok(new { status = "ok", broker = "connected" })
            : Results.Json(new { status = "degraded", broker = "disconnected" }, statusCode: 503)).AllowAnonymous();
        app.MapTicketsApi();
        app.MapRazorPages();
        return app;
    }

    private static void AddWebAuth(IServiceCollection services)
    {
        // Scripts send a key; browsers carry a cookie. One policy scheme picks per request.
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "API key or cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey("X-Api-Key") || ctx.Request.Headers.Authorization.Count > 0
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "aftersales";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnRedirectToLogin = ctx =>
                {
                    // A script gets a status code, not an HTML login page.
                    if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
    }
}

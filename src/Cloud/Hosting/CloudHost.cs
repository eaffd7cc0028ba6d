using AfterSales.Cloud.Api;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Exports;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Hosting.Validation;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Jobs.JobSheet;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Parts;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Provisioning;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Cloud.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Serilog;

namespace AfterSales.Cloud.Hosting;

/// <summary>Composes the cloud service: storage, broker, ingest, presence, web and API.</summary>
internal static class CloudHost
{
    private const string SmartScheme = "ApiKeyOrCookie";

    /// <param name="logsToStandardError">For a command whose standard output is its answer (an API key): its log lines go to standard error.</param>
    public static WebApplication Build(string[] args, TimeProvider? timeProvider = null, bool logsToStandardError = false)
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
        // Under systemd (Type=notify): ready once started, stopping on SIGTERM. Does nothing elsewhere.
        builder.Host.UseSystemd();
        builder.Services.AddSerilog((_, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                standardErrorFromLevel: logsToStandardError ? Serilog.Events.LogEventLevel.Verbose : null));

        var services = builder.Services;
        services.AddSingleton(timeProvider ?? TimeProvider.System);
        services.Configure<BrokerOptions>(builder.Configuration.GetSection(BrokerOptions.Section));
        services.Configure<SlaOptions>(builder.Configuration.GetSection(SlaOptions.Section));
        services.Configure<PresenceOptions>(builder.Configuration.GetSection(PresenceOptions.Section));
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.Configure<SiteConfigOptions>(builder.Configuration.GetSection(SiteConfigOptions.Section));

        services.AddTenantCalendars(builder.Configuration);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddCloudStorage(database);

        services.AddSingleton(sp =>
        {
            var sla = sp.GetRequiredService<IOptions<SlaOptions>>().Value;
            return new ArrivalPolicy(sla.EffectiveBands(), new ZoneMap(sla.Zones));
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PresenceOptions>>().Value.Policy());
        services.AddSingleton<GatewayStore>();
        services.AddSingleton<SiteAdminStore>();
        services.AddSingleton<ZonePreviewService>();
        services.AddSingleton<GatewayEnrolmentStore>();
        services.Configure<EnrolmentOptions>(builder.Configuration.GetSection(EnrolmentOptions.Section));
        services.AddSingleton<TicketDeskService>();
        services.AddSingleton<Notifications.INotificationTenantStore, NotificationTenantStore>();
        services.AddSingleton<TicketQueryService>();
        services.AddSingleton<Web.Portal.CustomerPortalService>();
        services.AddSingleton<PresenceService>();
        services.AddSingleton<CloudBrokerCredential>();
        services.AddContracts();
        services.AddInventory();
        services.AddInspections(builder.Configuration);
        services.AddFeedback(builder.Configuration);
        services.AddReports();
        services.AddParts();
        services.AddKpis();
        services.AddExports();

        // Start order matters: schema first, then the broker, then the subscriber and the watchdog.
        services.AddHostedService<DatabaseInitializer>();
        services.AddIngest(builder.Configuration, database);
        if (builder.Configuration.GetValue(BrokerOptions.Section + ":" + nameof(BrokerOptions.Embedded), true))
        {
            services.AddSingleton<EmbeddedBrokerServer>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBrokerServer>());
        }

        services.AddSingleton<MqttIngestClient>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestClient>());
        services.AddHostedService<PresenceWorker>();
        if (builder.Configuration.GetValue("Calendar:Enabled", true))
        {
            services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<RetentionService>();
            services.AddSingleton<ServiceCalendarWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<ServiceCalendarWorker>());
        }

        // After the database initializer: the timer worker's first pass reads the migrated schema.
        services.AddServiceDesk(builder.Configuration);
        services.AddJobs();
        services.AddProvisioning();

        // After the database initializer: the mail worker's and backlog sampler's first passes read the migrated schema.
        services.AddMailQueue(builder.Configuration);
        services.AddNotifications(builder.Configuration);
        services.AddCloudTelemetry(builder.Configuration);
        services.AddCloudHealth(builder.Configuration);
        services.AddCloudOptionsValidation(builder.Configuration);

        services.AddCloudLocalization(builder.Configuration);
        AddWebAuth(services);
        services.AddWebSecurity(builder.Configuration);
        services.AddSingleton<UserStore>();
        services.AddSingleton<AccessChanges>();
        services.AddSingleton<TechnicianAdminStore>();
        services.AddSingleton<ITechnicianDirectory>(sp => sp.GetRequiredService<TechnicianAdminStore>());
        services.AddSingleton<UserAdminStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddOpenApi();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            // Who may open which page, in one list: every page needs a signed-in user, these a narrower policy.
            o.Conventions.AuthorizeFolder("/", AccessPolicies.SignedIn);
            o.Conventions.AuthorizePage("/Tickets", AccessPolicies.Board);
            o.Conventions.AuthorizeFolder("/Desk", AccessPolicies.Staff);
            o.Conventions.AuthorizeFolder("/Jobs", AccessPolicies.Technician);
            o.Conventions.AuthorizePage("/Inspections", AccessPolicies.Field);
            o.Conventions.AuthorizePage("/Inspection", AccessPolicies.Field);
            o.Conventions.AuthorizePage("/Kpis", AccessPolicies.Staff);
            o.Conventions.AuthorizePage("/Reports", AccessPolicies.Staff);
            o.Conventions.AuthorizeFolder("/Admin", AccessPolicies.Admin);
            o.Conventions.AuthorizeFolder("/Portal", AccessPolicies.Customer);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Survey");
        });

        var app = builder.Build();
        app.UseWebSecurity();
        app.UseStaticFiles();
        app.UseCloudLocalization(builder.Configuration);
        app.UseAuthentication();
        app.UseAuthorization();
        // Every time a page shows is on the signed-in user's company clock (docs/local-time.md).
        app.Use(async (http, next) =>
        {
            var tenant = http.User.Identity?.IsAuthenticated == true ? DeskUser.From(http.User).TenantId : null;
            using var zone = DisplayZone.Use(http.RequestServices.GetRequiredService<TenantCalendars>().For(tenant));
            await next(http);
        });
        app.MapGet("/", (HttpContext http) => Results.Redirect(http.User.Identity?.IsAuthenticated == true ? Landing.For(DeskUser.From(http.User)) : "/signin")).AllowAnonymous();
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).AllowAnonymous();
        app.MapCultureSwitch();
        app.MapCloudHealth();
        app.MapCloudTelemetry();
        app.MapOpenApi().RequireAuthorization(AccessPolicies.SignedIn);
        app.MapTicketsApi();
        app.MapDeskApi();
        app.MapContracts();
        app.MapApiKeys();
        app.MapInventory();
        app.MapInspections();
        app.MapFeedback();
        app.MapReports();
        app.MapParts();
        app.MapKpis();
        app.MapExports();
        app.MapProvisioning();
        app.MapNotifications();
        app.MapCalls();
        app.MapPortal();
        app.MapAdminApi();
        app.MapUserAdminApi();
        app.MapTechnicianAdminApi();
        app.MapZoneAdminApi();
        app.MapEnrolment();
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
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnValidatePrincipal = CookieRevalidation.ValidateAsync;
                o.Events.OnRedirectToLogin = ctx =>
                {
                    // A script gets a status code, not an HTML login page.
                    if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || ctx.Request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal))
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
        services.AddAuthorizationBuilder().AddAccessPolicies();
    }
}

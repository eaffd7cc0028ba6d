using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Demo;

/// <summary>
/// The service desk wired exactly as the host wires it, over a given database and clock: for
/// replaying a month of history (the demo) and for tests that drive time by hand.
/// </summary>
internal static class DeskOnClock
{
    public static ServiceProvider Build(IDbContextFactory<CloudDb> dbs, TimeProvider time, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(dbs);
        services.Configure<SlaOptions>(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton(sp =>
        {
            var sla = sp.GetRequiredService<IOptions<SlaOptions>>().Value;
            return new ArrivalPolicy(sla.EffectiveBands(), new ZoneMap(sla.Zones));
        });
        services.AddTenantCalendars(configuration);
        services.AddMailQueue(configuration, worker: false);
        services.AddCloudLocalization(configuration);
        services.AddNotifications(configuration, worker: false);
        services.AddFeedback(configuration);
        services.AddServiceDesk(configuration);
        services.AddJobs();
        services.AddSingleton<TicketDeskService>();
        services.AddSingleton<Notifications.INotificationTenantStore, NotificationTenantStore>();
        return services.BuildServiceProvider();
    }
}

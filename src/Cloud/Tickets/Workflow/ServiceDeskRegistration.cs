using AfterSales.Cloud.Correlation;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Targets;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets.Workflow;

internal static class ServiceDeskRegistration
{
    /// <summary>The ticket lifecycle, SLA clocks and timers, correlation and dispatch.</summary>
    public static IServiceCollection AddServiceDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LifecycleOptions>(configuration.GetSection(LifecycleOptions.Section));
        services.Configure<DispatchOptions>(configuration.GetSection(DispatchOptions.Section));
        services.Configure<CorrelationOptions>(configuration.GetSection(CorrelationOptions.Section));
        services.AddSingleton(sp => new SlaTermsPolicy(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        services.AddSingleton<SlaScheduler>();
        services.AddSingleton<AutoDispatcher>();
        services.AddSingleton<IncidentCorrelator>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<TicketWorkflow>();
        services.AddSingleton<DeskTimerFiring>();
        services.AddSingleton<JobActions>();
        services.AddHostedService<DeskTimerWorker>();
        return services;
    }
}

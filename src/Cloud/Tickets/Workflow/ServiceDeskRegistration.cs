using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Tickets.Correlation;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
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
        services.AddOptions<TimerOptions>().Bind(configuration.GetSection(TimerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SlaTermsPolicy(sp.GetRequiredService<IOptions<SlaOptions>>().Value, sp.GetRequiredService<TenantCalendars>().Default));
        services.AddSingleton<ContractTermsStore>();
        services.AddSingleton<CentreZoneStore>();
        services.AddSingleton<ServiceCentreStore>();
        services.AddSingleton<SiteStore>();
        services.AddSingleton<SlaTimerService>();
        services.AddSingleton<AutoDispatchService>();
        services.AddSingleton<IncidentCorrelationService>();
        services.AddSingleton<TicketWorkflowService>();
        services.AddSingleton<TimerFiringService>();
        services.AddSingleton<TimerQuarantineService>();
        services.AddSingleton<CustomerCallService>();
        services.AddSingleton<OnDutyRedispatchService>();
        services.AddHostedService<DeskTimerWorker>();
        return services;
    }
}

using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Tickets.Correlation;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Provisioning;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

/// <summary>
/// Every cloud setting is checked when the host starts, so a wrong value stops start-up with a
/// message naming it instead of failing later in the middle of the night.
/// </summary>
internal static class OptionsValidation
{
    public static IServiceCollection AddCloudOptionsValidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        Validate<DatabaseOptions, DatabaseOptionsValidator>(services);
        Validate<BrokerOptions, BrokerOptionsValidator>(services);
        Validate<PresenceOptions, PresenceOptionsValidator>(services);
        Validate<SlaOptions, SlaOptionsValidator>(services);
        Validate<SiteConfigOptions, SiteConfigOptionsValidator>(services);
        Validate<LifecycleOptions, LifecycleOptionsValidator>(services);
        Validate<DispatchOptions, DispatchOptionsValidator>(services);
        Validate<CorrelationOptions, CorrelationOptionsValidator>(services);
        return services;
    }

    private static void Validate<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddOptions<TOptions>().ValidateOnStart();
    }
}

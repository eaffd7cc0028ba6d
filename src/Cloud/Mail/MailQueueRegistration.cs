using AfterSales.Cloud.Mail;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Mail;

internal static class MailQueueRegistration
{
    /// <summary>The mail settings (validated at start), the queue writer and, when <paramref name="worker"/>, the sender.</summary>
    public static IServiceCollection AddMailQueue(this IServiceCollection services, IConfiguration configuration, bool worker = true)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<MailService>();
        services.AddSingleton<SmtpRelayClient>();
        services.AddSingleton<MailDeliveryService>();
        if (worker)
        {
            services.AddHostedService<MailQueueWorker>();
        }

        return services;
    }
}

using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AfterSales.Cloud.Notifications;

internal static class NotificationRegistration
{
    /// <summary>The outbox writer, the channels over one resilient HTTP client and, when <paramref name="worker"/>, the delivery loop.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, bool worker = true)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(HttpNoticeClient.HttpClientName)
            .AddResilienceHandler("notify", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
                // Network waits are real seconds whatever clock the desk runs on (the demo's or a test's
                // fake one); the durable backoff between passes is on the injected clock.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds * (o.HttpRetries + 1)));
                if (o.HttpRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.HttpRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds));
            });
        services.AddSingleton<NoticeLanguageStore>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<INoticeChannel, WeComRobotClient>();
        services.AddSingleton<INoticeChannel, DingTalkRobotClient>();
        services.AddSingleton<INoticeChannel, SmsProviderClient>();
        services.AddSingleton<INoticeChannel, WebPushNoticeClient>();
        services.AddSingleton<NotificationDeliveryService>();
        services.AddSingleton<NotificationRouteStore>();
        if (worker)
        {
            services.AddHostedService<NotificationWorker>();
        }

        return services;
    }
}

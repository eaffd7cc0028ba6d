using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Ingest;

namespace AfterSales.Cloud.Ingest;

internal static class IngestRegistration
{
    /// <summary>
    /// The pipeline, the inbox (group-commit writer and the worker that feeds the desk) and rejections.
    /// Call after the database initializer: the worker's first pass reads the migrated schema.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InboxOptions>(configuration.GetSection(InboxOptions.Section));
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<RejectionStore>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<IInboxDepth>(sp => sp.GetRequiredService<InboxStore>());
        services.AddSingleton<InboxSiteClaimStore>();
        services.AddSingleton<InboxSignal>();
        var provider = configuration["Database:Provider"] ?? "sqlite";
        services.AddSingleton(_ => new InboxWriteTurns(serialize: provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)));
        services.AddSingleton<InboxIntakeService>();
        services.AddSingleton<InboxWriterWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriterWorker>());
        services.AddSingleton<InboxAcknowledgementWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxAcknowledgementWorker>());
        services.AddSingleton<InboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        return services;
    }
}

using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

internal static class IngestRegistration
{
    /// <summary>
    /// The pipeline, the inbox (group-commit writer and the worker that feeds the desk) and rejections.
    /// Call after the database initializer: the inbox file is migrated after the cloud's database, and
    /// the worker's first pass reads the migrated schema.
    /// </summary>
    /// <param name="database">The database settings the host read once (where the inbox lives, whether writers take turns).</param>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.Configure<InboxOptions>(configuration.GetSection(InboxOptions.Section));
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<RejectionStore>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton(sp => new InboxStore(sp.GetRequiredService<IDbContextFactory<CloudDb>>(), database, sp.GetRequiredService<ILogger<InboxStore>>()));
        services.AddHostedService<InboxPreparationService>();
        services.AddSingleton<IInboxDepth>(sp => sp.GetRequiredService<InboxStore>());
        services.AddSingleton<InboxSiteClaimStore>();
        services.AddSingleton<AppliedSeqStore>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton(_ => new InboxWriteTurns(serialize: database.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)));
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

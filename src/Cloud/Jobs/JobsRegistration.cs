using AfterSales.Cloud.Jobs.JobSheet;

namespace AfterSales.Cloud.Jobs;

internal static class JobsRegistration
{
    /// <summary>The technician's work on a job (accept, arrive, parts, signature, close) and its job sheet.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobService>();
        services.AddSingleton<JobSheetService>();
        return services;
    }
}

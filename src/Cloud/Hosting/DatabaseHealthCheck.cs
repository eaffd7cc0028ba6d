using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Cloud.Hosting;

/// <summary>Ready when the database answers and its schema is the one this build expects.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CloudDb> dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            // Reads the migrations history table: a real round trip, and a missing or old schema shows up too.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} answers; schema up to date")
                : HealthCheckResult.Unhealthy($"schema is {pending.Count} migration(s) behind ({pending[^1]}); start the service once to migrate");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"database unreachable: {ex.GetBaseException().Message}");
        }
    }
}

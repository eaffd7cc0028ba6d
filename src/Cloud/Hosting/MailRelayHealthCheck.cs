using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Judges the relay by the queue rather than by connecting at every probe: mail that has waited
/// too long means the relay keeps refusing it, and the last refusal is the reason. Degraded at
/// worst: the service works without mail.
/// </summary>
internal sealed class MailRelayHealthCheck(IDbContextFactory<CloudDb> dbs, IOptions<MailOptions> mail, IOptions<HealthOptions> health, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var m = mail.Value;
        if (string.IsNullOrWhiteSpace(m.Host))
        {
            return HealthCheckResult.Healthy("no relay configured (Mail:Host): mail is logged and skipped");
        }

        var limit = TimeSpan.FromMinutes(health.Value.MaxMailDelayMinutes);
        var since = time.GetUtcNow() - limit;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var stuck = await db.MailQueue.AsNoTracking()
            .Where(q => q.Status == MailStatus.Queued && q.CreatedAt < since)
            .OrderBy(q => q.CreatedAt).Select(q => new { q.Id, q.Attempts, q.LastError }).FirstOrDefaultAsync(cancellationToken);
        return stuck is null
            ? HealthCheckResult.Healthy($"relay {m.Host}:{m.Port} ({m.EffectiveSecurity}); no mail waiting longer than {limit.TotalMinutes} min")
            : HealthCheckResult.Degraded($"mail {stuck.Id} waiting over {limit.TotalMinutes} min for relay {m.Host}:{m.Port} after {stuck.Attempts} attempt(s): {stuck.LastError ?? "not tried yet"}");
    }
}

using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Deletes noise past <see cref="RetentionOptions.NoiseDays"/>: refused messages, and the fired or
/// cancelled timers of tickets closed that long ago. Service records — tickets and their audit,
/// occurrences, job work and signatures, inspections, reports, complaints, surveys, revisits,
/// contracts, parts — are never deleted by the service: the regulations want them for at least
/// five years, and removing them is the operator's decision (docs/service-rules.md, "Retention").
/// </summary>
internal sealed partial class RetentionService(IDbContextFactory<CloudDb> dbs, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> log)
{
    public async Task<int> PurgeNoiseAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.NoiseDays);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rejections = await db.RejectedMessages.Where(r => r.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var closed = db.Tickets.Where(t => t.ClosedAt != null && t.ClosedAt < cutoff).Select(t => t.Id);
        var timers = await db.DeskTimers.Where(t => (t.FiredAt != null || t.CancelledAt != null) && closed.Contains(t.TicketId)).ExecuteDeleteAsync(cancellationToken);
        if (rejections + timers > 0)
        {
            LogPurged(log, rejections, timers, options.Value.NoiseDays);
        }

        return rejections + timers;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Rejections} refused messages and {Timers} spent timers older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int rejections, int timers, int days);
}

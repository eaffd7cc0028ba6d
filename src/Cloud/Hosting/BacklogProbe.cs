using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Tickets.Timers;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Hosting;

/// <summary>Reads the work waiting in the database: mail to send, timers overdue, and the inbox once there is one.</summary>
internal sealed class BacklogProbe(IDbContextFactory<CloudDb> dbs, TimeProvider time, IInboxDepth? inbox = null)
{
    public async Task<Backlog> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        // A quarantined timer is no longer in line (it is on the desk's "Stuck timers"); it would hold the lag up for good.
        var oldestDue = await db.Set<DeskTimer>().AsNoTracking()
            .Where(t => t.FiredAt == null && t.CancelledAt == null && t.QuarantinedAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(cancellationToken);
        var queued = await db.MailQueue.LongCountAsync(m => m.Status == MailStatus.Queued, cancellationToken);
        var failed = await db.MailQueue.LongCountAsync(m => m.Status == MailStatus.Failed, cancellationToken);
        long? inboxDepth = inbox is null ? null : await inbox.CountAsync(cancellationToken);
        return new Backlog(inboxDepth, queued, failed, oldestDue is { } due ? (now - due).TotalSeconds : 0);
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Timers;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>The quarantined timers of a company's tickets, as the dispatcher sees and retries them (docs/service-rules.md, "Poison timers").</summary>
internal sealed partial class TimerQuarantineService(IDbContextFactory<CloudDb> dbs, ILogger<TimerQuarantineService> log)
{
    public async Task<IReadOnlyList<QuarantinedTimer>> ListAsync(DeskUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(user.TenantId);
        var rows = await db.DeskTimers.AsNoTracking()
            .Where(t => t.QuarantinedAt != null && t.FiredAt == null && t.CancelledAt == null)
            .Join(db.Tickets.Where(k => mine.Contains(k.SiteId)), t => t.TicketId, k => k.Id, (t, k) => new { Timer = t, k.SiteId })
            .OrderBy(x => x.Timer.DueAt).ThenBy(x => x.Timer.Id).Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new QuarantinedTimer(x.Timer.Id, x.Timer.TicketId, x.SiteId, x.Timer.Kind, x.Timer.Percent, x.Timer.DueAt, x.Timer.Failures, x.Timer.LastError, x.Timer.QuarantinedAt!.Value))];
    }

    /// <summary>Puts a quarantined timer of the user's company back in line; false when there is none with that id.</summary>
    public async Task<bool> RetryAsync(DeskUser user, long timerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(user.TenantId);
        var tickets = db.Tickets.Where(k => mine.Contains(k.SiteId)).Select(k => k.Id);
        var timer = await db.DeskTimers
            .Where(t => t.Id == timerId && t.QuarantinedAt != null && tickets.Contains(t.TicketId))
            .SingleOrDefaultAsync(cancellationToken);
        if (timer is null)
        {
            return false;
        }

        TimerQuarantineRules.Retry(timer);
        await db.SaveChangesAsync(cancellationToken);
        LogRetried(log, timer.Id, timer.TicketId, user.Name);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quarantined timer {TimerId} of ticket {TicketId} put back in line by {User}")]
    private static partial void LogRetried(ILogger logger, long timerId, long ticketId, string user);
}

/// <summary>A timer set aside after failing, as the desk lists it.</summary>
public sealed record QuarantinedTimer(long Id, long TicketId, string SiteId, TimerKind Kind, int Percent, DateTimeOffset DueAt, int Failures, string? LastError, DateTimeOffset QuarantinedAt);

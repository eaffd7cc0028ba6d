using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>
/// Offers escalated jobs again when someone can take them (docs/service-rules.md §2.19): a ticket that
/// found nobody stays open and unassigned; at each pass the planner is asked again, and as soon as a
/// qualified technician is on duty (his shift or business hours started, or he came back) the job is
/// his. A pass that still finds nobody stays quiet: the supervisor was told once already.
/// </summary>
internal sealed partial class OnDutyRedispatchService(
    IDbContextFactory<CloudDb> dbs,
    AutoDispatchService planner,
    TicketWorkflowService workflow,
    TimeProvider time,
    ILogger<OnDutyRedispatchService> log)
{
    public const string EscalatedAction = "dispatch escalated";

    /// <summary>Returns how many escalated jobs were given to someone.</summary>
    public async Task<int> OfferEscalatedAsync(CancellationToken cancellationToken)
    {
        List<long> waiting;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            waiting = await db.Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.Open && t.TechnicianId == null && !t.NeedsHuman && !t.FollowsRootCause
                    && db.Set<TicketAuditEntry>().Any(a => a.TicketId == t.Id && a.Action == EscalatedAction))
                .OrderBy(t => t.Id).Select(t => t.Id).Take(50).ToListAsync(cancellationToken);
        }

        var offered = 0;
        foreach (var id in waiting)
        {
            offered += await OfferAsync(id, cancellationToken) ? 1 : 0;
        }

        return offered;
    }

    private async Task<bool> OfferAsync(long ticketId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket.Status != TicketStatus.Open || ticket.TechnicianId is not null)
        {
            return false;
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == ticket.SiteId, cancellationToken);
        // Who let the job run out before is not asked again for it, as at the accept timeout (§2.9).
        var timedOut = await db.DeskTimers.AsNoTracking()
            .Where(t => t.TicketId == ticket.Id && t.Kind == TimerKind.AcceptTimeout && t.FiredAt != null && t.TechnicianId != null)
            .Select(t => t.TechnicianId!).ToListAsync(cancellationToken);
        var choice = await planner.ChooseAsync(db, ticket, site, now, timedOut.ToHashSet(), cancellationToken);
        if (choice.TechnicianId is not { } technicianId)
        {
            return false;
        }

        await workflow.AssignAsync(db, ticket, site, technicianId, Actor.System, now, "came on duty after the escalation: " + choice.Explanation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogOffered(log, ticket.Id, technicianId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated ticket {TicketId} offered to {TechnicianId}, now on duty")]
    private static partial void LogOffered(ILogger logger, long ticketId, string technicianId);
}

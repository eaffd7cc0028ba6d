using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>Applies fault events to the ticket book, idempotently on the event id.</summary>
internal sealed partial class TicketDeskService(
    IDbContextFactory<CloudDb> dbs,
    ArrivalPolicy policy,
    ContractTermsStore contracts,
    TicketWorkflowService workflow,
    IOptions<LifecycleOptions> lifecycle,
    TimeProvider time,
    ILogger<TicketDeskService> log)
{
    public async Task<TicketAction> ApplyAsync(FaultEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var span = CloudTelemetry.Start("desk apply")?.SetTag("aftersales.event.id", e.EventId).SetTag("aftersales.fault", e.Fault);
        try
        {
            return await TryApplyAsync(e, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another node (or a redelivery racing this one) stored the same event or opened the
            // same ticket first; the unique indexes refused ours. Looking again settles it.
            LogRetryAfterConflict(log, e.EventId, ex.InnerException?.Message ?? ex.Message);
            return await TryApplyAsync(e, cancellationToken);
        }
    }

    private async Task<TicketAction> TryApplyAsync(FaultEvent e, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Occurrences.AnyAsync(o => o.EventId == e.EventId, cancellationToken))
        {
            LogDuplicate(log, e.EventId, e.SiteId);
            return TicketAction.Duplicate;
        }

        var receivedAt = time.GetUtcNow();
        var open = await db.Tickets.SingleOrDefaultAsync(
            t => t.SiteId == e.SiteId && t.DeviceId == e.DeviceId && t.Fault == e.Fault && t.ClosedAt == null,
            cancellationToken);
        var action = TicketRules.Decide(open, e);
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == e.SiteId, cancellationToken);
        var repeated = action == TicketAction.Open ? await RecentlyClosedAsync(db, e, receivedAt, cancellationToken) : null;
        if (repeated is not null)
        {
            action = TicketAction.Reopen;
        }

        // Assessed once per event: the new ticket keeps its zone, and the workflow plans the visit from the same figures.
        var zone = action is TicketAction.Open or TicketAction.Reopen or TicketAction.Attach ? await AssessAsync(db, site, receivedAt, cancellationToken) : null;
        var ticket = action switch
        {
            TicketAction.Open => Open(db, e, receivedAt, zone!),
            TicketAction.Reopen => Changed(repeated!, t => t.AttachRepeatRaise(e, receivedAt)),
            TicketAction.Attach => Changed(open!, t => t.AttachRaise(e)),
            TicketAction.Restore => Changed(open!, t => t.RecordRestore(e)),
            TicketAction.Stale => open,
            TicketAction.Orphan or TicketAction.Duplicate => null,
            _ => throw new InvalidOperationException($"Unhandled ticket action {action}."),
        };

        var occurrence = new TicketOccurrence
        {
            EventId = e.EventId,
            SiteId = e.SiteId,
            DeviceId = e.DeviceId,
            Fault = e.Fault,
            State = e.State,
            GatewayId = e.GatewayId,
            Seq = e.Seq,
            OccurredAt = e.OccurredAt.ToUniversalTime(),
            ReceivedAt = receivedAt,
            Stale = action == TicketAction.Stale,
        };
        db.Occurrences.Add(occurrence);
        ticket?.Occurrences.Add(occurrence);

        await db.SaveChangesAsync(cancellationToken);
        var actor = Actor.Gateway(e.GatewayId);
        switch (action)
        {
            case TicketAction.Open:
                await workflow.OnOpenedAsync(db, ticket!, site, zone!, actor, receivedAt, cancellationToken);
                break;
            case TicketAction.Reopen:
                await workflow.OnRepeatAsync(db, ticket!, site, zone!, actor, receivedAt, cancellationToken);
                break;
            case TicketAction.Attach:
                await workflow.OnRaisedAgainAsync(db, ticket!, site, zone!, actor, receivedAt, cancellationToken);
                break;
            case TicketAction.Restore:
                workflow.OnCleared(db, ticket!, actor, ticket!.RestoredAt!.Value, receivedAt);
                break;
            case TicketAction.Stale or TicketAction.Orphan or TicketAction.Duplicate:
                break;
            default:
                throw new InvalidOperationException($"Unhandled ticket action {action}.");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CloudMetrics.DeskLag.Record((time.GetUtcNow() - receivedAt).TotalSeconds);
        CloudMetrics.DeliveryDelay.Record(Math.Max(0, (receivedAt - e.OccurredAt).TotalSeconds));
        System.Diagnostics.Activity.Current?.SetTag("aftersales.ticket.action", action.ToString()).SetTag("aftersales.ticket.id", ticket?.Id);
        LogApplied(log, action, e.SiteId, e.DeviceId, e.Fault, ticket?.Id);
        return action;
    }

    private Ticket Open(CloudDb db, FaultEvent e, DateTimeOffset receivedAt, ArrivalAssessment zone)
    {
        if (zone.NeedsHuman)
        {
            LogNeedsHuman(log, e.SiteId, zone.Explanation);
        }

        var ticket = Ticket.Open(e, receivedAt, zone);
        db.Tickets.Add(ticket);
        return ticket;
    }

    /// <summary>The zone; beyond every band the arrival figure of the contract in force, else the site's own (docs/service-rules.md §1.1, §1.8).</summary>
    private async Task<ArrivalAssessment> AssessAsync(CloudDb db, Sites.Site site, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var centres = await db.ServiceCentres.AsNoTracking().ToListAsync(cancellationToken);
        var contract = await contracts.InForceAsync(db, site.Id, at, cancellationToken);
        return policy.Assess(
            new GeoPoint(site.Latitude, site.Longitude),
            centres.Select(c => (c.Id, new GeoPoint(c.Latitude, c.Longitude))),
            contract?.ArrivalHours ?? site.ContractArrivalHours);
    }

    /// <summary>The newest closed ticket of this fault, if it closed within the repeat window.</summary>
    private async Task<Ticket?> RecentlyClosedAsync(CloudDb db, FaultEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = await db.Tickets
            .Where(t => t.SiteId == e.SiteId && t.DeviceId == e.DeviceId && t.Fault == e.Fault && t.ClosedAt != null)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return last is not null && FaultHistoryRules.IsRepeat(last.ClosedAt, now, lifecycle.Value) ? last : null;
    }

    private static Ticket Changed(Ticket ticket, Action<Ticket> change)
    {
        change(ticket);
        return ticket;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket book: {Action} for {SiteId}/{DeviceId} {Fault} (ticket {TicketId})")]
    private static partial void LogApplied(ILogger logger, TicketAction action, string siteId, string deviceId, string fault, long? ticketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate event {FaultEventId} from site {SiteId} ignored: it was applied before")]
    private static partial void LogDuplicate(ILogger logger, Guid faultEventId, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId} has no arrival deadline and needs a human: {Explanation}")]
    private static partial void LogNeedsHuman(ILogger logger, string siteId, string explanation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {FaultEventId} conflicted with a concurrent write ({Reason}); applying it again")]
    private static partial void LogRetryAfterConflict(ILogger logger, Guid faultEventId, string reason);
}

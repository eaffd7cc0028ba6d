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
    CentreZoneStore zones,
    ServiceCentreStore centres,
    SiteStore sites,
    TicketWorkflowService workflow,
    IOptions<LifecycleOptions> lifecycle,
    TimeProvider time,
    ILogger<TicketDeskService> log)
{
    public async Task<TicketAction> ApplyAsync(FaultEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (await ApplyBatchAsync([new DeskEvent(e, CloudTelemetry.CurrentTraceParent())], cancellationToken))[0];
    }

    /// <summary>
    /// Applies events in the given order in one transaction (one commit for the lot, which is what lets
    /// the inbox keep up with a storm). When the batch conflicts with a concurrent write, it is rolled
    /// back and the events are applied one by one, each in its own transaction, as before.
    /// </summary>
    public async Task<IReadOnlyList<TicketAction>> ApplyBatchAsync(IReadOnlyList<DeskEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            return await TryApplyBatchAsync(events, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another node (or a redelivery racing this one) stored the same event or opened the
            // same ticket first; the unique indexes refused ours. Looking again settles it.
            LogRetryAfterConflict(log, events.Count, ex.InnerException?.Message ?? ex.Message);
            if (events.Count == 1)
            {
                return await TryApplyBatchAsync(events, cancellationToken);
            }

            var actions = new List<TicketAction>(events.Count);
            foreach (var one in events)
            {
                actions.Add((await ApplyBatchAsync([one], cancellationToken))[0]);
            }

            return actions;
        }
    }

    private async Task<IReadOnlyList<TicketAction>> TryApplyBatchAsync(IReadOnlyList<DeskEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failed save abandons the whole transaction (the batch is then applied again event by event),
        // so the savepoint EF would set around each save is never rolled back to: two statements saved per save.
        db.Database.AutoSavepointsEnabled = false;
        var applied = new List<(DeskEvent Input, TicketAction Action, long? TicketId, DateTimeOffset ReceivedAt)>(events.Count);
        var known = await KnownEventIdsAsync(db, events, cancellationToken);
        await ReadAheadAsync(db, events, cancellationToken);
        foreach (var input in events)
        {
            using var span = CloudTelemetry.Start("desk apply", parent: input.TraceParent)?.SetTag("aftersales.event.id", input.Event.EventId).SetTag("aftersales.fault", input.Event.Fault);
            var receivedAt = time.GetUtcNow();
            var (action, ticketId) = await ApplyInAsync(db, input.Event, known, receivedAt, cancellationToken);
            span?.SetTag("aftersales.ticket.action", action.ToString()).SetTag("aftersales.ticket.id", ticketId);
            applied.Add((input, action, ticketId, receivedAt));

            // Each event's changes are saved; forgetting them keeps the tracker small over a long batch.
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        var committedAt = time.GetUtcNow();
        foreach (var (input, action, ticketId, receivedAt) in applied)
        {
            CloudMetrics.DeskLag.Record((committedAt - receivedAt).TotalSeconds);
            CloudMetrics.DeliveryDelay.Record(Math.Max(0, (receivedAt - input.Event.OccurredAt).TotalSeconds));
            LogApplied(log, action, input.Event.SiteId, input.Event.DeviceId, input.Event.Fault, ticketId);
        }

        return applied.ConvertAll(a => a.Action);
    }

    /// <summary>
    /// The batch's event ids already in the ticket book, in one query rather than one per event. Read
    /// inside the batch's transaction, as the per-event check was; a concurrent node storing the same
    /// event afterwards is refused by the unique index, and the batch is applied again.
    /// </summary>
    private static async Task<HashSet<Guid>> KnownEventIdsAsync(CloudDb db, IReadOnlyList<DeskEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Event.EventId).Distinct().ToList();
        var known = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            known.UnionWith(await db.Occurrences.Where(o => chunk.Contains(o.EventId)).Select(o => o.EventId).ToListAsync(cancellationToken));
        }

        return known;
    }

    /// <summary>
    /// The batch's sites and their contracts in force, each in one query for the batch: in a storm every
    /// event of a batch is from another site, and each asked for its site and contract on its own.
    /// </summary>
    private async Task ReadAheadAsync(CloudDb db, IReadOnlyList<DeskEvent> events, CancellationToken cancellationToken)
    {
        var siteIds = events.Select(e => e.Event.SiteId).Distinct(StringComparer.Ordinal).ToList();
        await sites.ReadAheadAsync(db, siteIds, cancellationToken);
        await contracts.ReadAheadAsync(db, siteIds, time.GetUtcNow(), cancellationToken);
    }

    /// <param name="known">Event ids already applied; this event's id is added, so a repeat later in the same batch is a duplicate too.</param>
    private async Task<(TicketAction Action, long? TicketId)> ApplyInAsync(CloudDb db, FaultEvent e, HashSet<Guid> known, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (!known.Add(e.EventId))
        {
            LogDuplicate(log, e.EventId, e.SiteId);
            return (TicketAction.Duplicate, null);
        }

        var latest = await LatestAsync(db, e, cancellationToken);
        var open = latest is { ClosedAt: null } ? latest : null;
        var action = TicketRules.Decide(open, e);
        var site = await sites.FindAsync(db, e.SiteId, cancellationToken)
            ?? throw new InvalidOperationException($"Site '{e.SiteId}' of gateway '{e.GatewayId}' is not in the site register.");
        var repeated = action == TicketAction.Open && latest is not null && FaultHistoryRules.IsRepeat(latest.ClosedAt, receivedAt, lifecycle.Value) ? latest : null;
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
        // A person's report is not a gateway's: the audit says who it came from (docs/service-rules.md §2.15).
        var actor = e.Fault == CloudFaults.CustomerReport ? Actor.CustomerCall : Actor.Gateway(e.GatewayId);
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
        return (action, ticket?.Id);
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
        var companyCentres = await centres.OfCompanyAsync(db, site.TenantId, cancellationToken);
        var contract = await contracts.InForceAsync(db, site.Id, at, cancellationToken);
        return SiteArrivalRules.Assess(
            policy,
            site.TenantId,
            new GeoPoint(site.Latitude, site.Longitude),
            companyCentres,
            contract?.ArrivalHours ?? site.ContractArrivalHours,
            await zones.MapAsync(cancellationToken));
    }

    /// <summary>
    /// This fault's open ticket (there is at most one), else its newest closed one — which a raise within
    /// the repeat window reopens: one query for both.
    /// </summary>
    private static Task<Ticket?> LatestAsync(CloudDb db, FaultEvent e, CancellationToken cancellationToken) =>
        db.Tickets
            .Where(t => t.SiteId == e.SiteId && t.DeviceId == e.DeviceId && t.Fault == e.Fault)
            .OrderBy(t => t.ClosedAt == null ? 0 : 1)
            .ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} events conflicted with a concurrent write ({Reason}); applying it again")]
    private static partial void LogRetryAfterConflict(ILogger logger, int count, string reason);
}

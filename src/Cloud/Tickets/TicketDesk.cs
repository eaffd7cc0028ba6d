using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets;

/// <summary>Applies fault events to the ticket book, idempotently on the event id.</summary>
internal sealed partial class TicketDesk(
    IDbContextFactory<CloudDb> dbs,
    ArrivalPolicy policy,
    TimeProvider time,
    ILogger<TicketDesk> log)
{
    public async Task<TicketAction> ApplyAsync(FaultEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
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
        var ticket = action switch
        {
            TicketAction.Open => await OpenAsync(db, e, receivedAt, cancellationToken),
            TicketAction.Attach => Attach(open!, e),
            TicketAction.Restore => Restore(open!, e),
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
        LogApplied(log, action, e.SiteId, e.DeviceId, e.Fault, ticket?.Id);
        return action;
    }

    private async Task<Ticket> OpenAsync(CloudDb db, FaultEvent e, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == e.SiteId, cancellationToken);
        var centres = await db.ServiceCentres.AsNoTracking().ToListAsync(cancellationToken);
        var assessment = policy.Assess(
            new GeoPoint(site.Latitude, site.Longitude),
            centres.Select(c => (c.Id, new GeoPoint(c.Latitude, c.Longitude))),
            site.ContractArrivalHours);
        var openedAt = TicketRules.ClockStart(e, receivedAt);
        if (assessment.NeedsHuman)
        {
            LogNeedsHuman(log, e.SiteId, assessment.Explanation);
        }

        var ticket = new Ticket
        {
            SiteId = e.SiteId,
            DeviceId = e.DeviceId,
            DeviceKind = e.DeviceKind,
            Fault = e.Fault,
            Severity = e.Severity,
            OpenedAt = openedAt,
            CentreId = assessment.CentreId,
            Zone = assessment.Zone,
            DistanceKm = assessment.DistanceKm,
            ArrivalDueAt = openedAt + assessment.ArrivalWithin,
            NeedsHuman = assessment.NeedsHuman,
            RaiseCount = 1,
            LastSeq = e.Seq,
            LastGatewayId = e.GatewayId,
        };
        db.Tickets.Add(ticket);
        return ticket;
    }

    private static Ticket Attach(Ticket ticket, FaultEvent e)
    {
        ticket.RestoredAt = null;
        ticket.RaiseCount++;
        ticket.Severity = TicketRules.MostSevere(ticket.Severity, e.Severity);
        Track(ticket, e);
        return ticket;
    }

    private static Ticket Restore(Ticket ticket, FaultEvent e)
    {
        ticket.RestoredAt = e.OccurredAt.ToUniversalTime();
        Track(ticket, e);
        return ticket;
    }

    private static void Track(Ticket ticket, FaultEvent e)
    {
        if (e.Seq > 0)
        {
            ticket.LastSeq = e.Seq;
            ticket.LastGatewayId = e.GatewayId;
        }
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

using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Correlation;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>The database side of correlation: finds what is already wrong on the site and files the new ticket.</summary>
internal sealed class IncidentCorrelationService(IOptions<CorrelationOptions> options)
{
    private static readonly string[] RootCauseFaults = [.. CorrelationRules.RootCauseFaults];

    /// <summary>Places the ticket in a site incident; returns the technician already working that incident, if any.</summary>
    public async Task<string?> CorrelateAsync(CloudDb db, Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Three narrow queries rather than loading the site's open tickets: a site in trouble can have many.
        var root = await db.Tickets
            .Where(t => t.SiteId == ticket.SiteId && t.Id != ticket.Id && t.ClosedAt == null && t.RestoredAt == null && t.IncidentId != null
                && RootCauseFaults.Contains(t.Fault))
            .OrderBy(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var incident = await db.Incidents.Where(i => i.SiteId == ticket.SiteId).OrderByDescending(i => i.LastFaultAt).FirstOrDefaultAsync(cancellationToken);
        if (incident is not null && !await db.Tickets.AnyAsync(t => t.IncidentId == incident.Id && t.ClosedAt == null && t.Id != ticket.Id, cancellationToken))
        {
            incident = null;
        }

        var decision = CorrelationRules.Decide(ticket.Fault, ticket.DeviceKind, now, root is not null, incident?.LastFaultAt, options.Value);
        switch (decision)
        {
            case CorrelationDecision.FollowRootCause:
                ticket.FollowRootCause(root!.IncidentId!.Value);
                TicketWorkflowService.Audit(db, ticket, now, Actor.System, "follows root cause", $"attached to incident {root.IncidentId}: {root.Fault} (ticket {root.Id}) is active on this site; not dispatched separately");
                return null;
            case CorrelationDecision.JoinIncident:
                incident!.LastFaultAt = now;
                incident.RootTicketId ??= CorrelationRules.IsRootCause(ticket.Fault) ? ticket.Id : null;
                ticket.JoinIncident(incident.Id);
                TicketWorkflowService.Audit(db, ticket, now, Actor.System, "joined incident", $"incident {incident.Id}: faults of this site arriving together");
                return await db.Tickets
                    .Where(t => t.IncidentId == incident.Id)
                    .Where(Ticket.Assigned)
                    .Select(t => t.TechnicianId)
                    .FirstOrDefaultAsync(cancellationToken);
            case CorrelationDecision.StartIncident:
                var started = new Incident
                {
                    SiteId = ticket.SiteId,
                    OpenedAt = now,
                    LastFaultAt = now,
                    RootTicketId = CorrelationRules.IsRootCause(ticket.Fault) ? ticket.Id : null,
                };
                db.Incidents.Add(started);
                await db.SaveChangesAsync(cancellationToken);
                ticket.JoinIncident(started.Id);
                return null;
            default:
                throw new InvalidOperationException($"Unhandled correlation decision {decision}.");
        }
    }
}

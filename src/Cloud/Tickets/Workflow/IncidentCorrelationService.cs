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
        // Two narrow queries rather than loading the site's open tickets: a site in trouble can have many.
        // The site's active root causes are a handful (one open ticket per device and fault), so the first
        // is picked here: ordered by id in SQL, SQLite would walk every open ticket in id order instead.
        var root = (await db.Tickets
            .Where(t => t.SiteId == ticket.SiteId && t.Id != ticket.Id && t.ClosedAt == null && t.RestoredAt == null && t.IncidentId != null
                && RootCauseFaults.Contains(t.Fault))
            .Select(t => new { t.Id, IncidentId = t.IncidentId!.Value, t.Fault })
            .ToListAsync(cancellationToken))
            .MinBy(t => t.Id);
        // The site's latest incident, whether it is still live, and who already works it, in one query.
        var (tickets, assigned) = (db.Tickets, Ticket.Assigned);
        var latest = await db.Incidents
            .Where(i => i.SiteId == ticket.SiteId)
            .OrderByDescending(i => i.LastFaultAt)
            .Select(i => new
            {
                Incident = i,
                Live = tickets.Any(t => t.IncidentId == i.Id && t.ClosedAt == null && t.Id != ticket.Id),
                Technician = tickets.Where(t => t.IncidentId == i.Id).Where(assigned).Select(t => t.TechnicianId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var incident = latest is { Live: true } ? latest.Incident : null;

        var decision = CorrelationRules.Decide(ticket.Fault, ticket.DeviceKind, now, root is not null, incident?.LastFaultAt, options.Value);
        switch (decision)
        {
            case CorrelationDecision.FollowRootCause:
                ticket.FollowRootCause(root!.IncidentId);
                TicketWorkflowService.Audit(db, ticket, now, Actor.System, "follows root cause", $"attached to incident {root.IncidentId}: {root.Fault} (ticket {root.Id}) is active on this site; not dispatched separately");
                return null;
            case CorrelationDecision.JoinIncident:
                incident!.LastFaultAt = now;
                incident.RootTicketId ??= CorrelationRules.IsRootCause(ticket.Fault) ? ticket.Id : null;
                ticket.JoinIncident(incident.Id);
                TicketWorkflowService.Audit(db, ticket, now, Actor.System, "joined incident", $"incident {incident.Id}: faults of this site arriving together");
                return latest!.Technician;
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

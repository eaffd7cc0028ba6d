using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets.History;

/// <summary>
/// The one place that knows how the ticket book stores tickets: every report and KPI reads
/// tickets through it. Acknowledgement is the technician accepting the job (the customer called).
/// </summary>
public static class TicketFactsMapping
{
    /// <summary>
    /// Maps tickets (with their occurrences loaded); <paramref name="tickets"/> should include the
    /// repeat window (<see cref="FaultHistoryRules.RepeatWindow"/>) before the period so repeats are seen.
    /// </summary>
    public static IReadOnlyList<TicketFacts> Map(IEnumerable<Ticket> tickets, LifecycleOptions lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var ordered = tickets.OrderBy(t => t.OpenedAt).ToList();
        var facts = new List<TicketFacts>(ordered.Count);
        foreach (var t in ordered)
        {
            // The desk reopens the same ticket for a repeat within its window (RepeatCount); older books opened a new one.
            // Such a one is judged by the desk's rule and measured from the desk's moment: from the earlier
            // ticket's closing to the fault coming back, which is when this ticket's clock started (OpenedAt).
            // An earlier ticket with no closing on record counts from its opening.
            var repeat = t.RepeatCount > 0 || ordered.Any(p => p.Id != t.Id && p.SiteId == t.SiteId && p.DeviceId == t.DeviceId && p.Fault == t.Fault
                && p.OpenedAt < t.OpenedAt && FaultHistoryRules.IsRepeat(p.ClosedAt ?? p.OpenedAt, t.OpenedAt, lifecycle));
            facts.Add(new TicketFacts
            {
                TicketId = t.Id,
                SiteId = t.SiteId,
                DeviceId = t.DeviceId,
                DeviceKind = t.DeviceKind,
                Fault = t.Fault,
                Severity = t.Severity,
                Zone = t.Zone,
                TechnicianId = t.TechnicianId,
                OpenedAt = t.OpenedAt,
                AcknowledgedAt = t.AcceptedAt,
                ArrivedAt = t.ArrivedAt,
                ResolvedAt = t.ResolvedAt,
                RestoredAt = t.RestoredAt,
                ClosedAt = t.ClosedAt,
                AcknowledgeDueAt = t.AcknowledgeDueAt,
                ArrivalDueAt = t.ArrivalDueAt,
                ResolutionDueAt = t.ResolutionDueAt,
                Visits = t.ArrivedAt is null ? 0 : t.Visit,
                Repeat = repeat,
                CountsAsDowntime = t.Fault != CloudFaults.InspectionDefect,
                Outages = OutagesOf(t),
            });
        }

        return facts;
    }

    /// <summary>Raised/cleared pairs from the events; a ticket without events is down from opening until restored.</summary>
    public static IReadOnlyList<Outage> OutagesOf(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var events = ticket.Occurrences.Where(o => !o.Stale).OrderBy(o => o.OccurredAt).ToList();
        if (events.Count == 0)
        {
            return [new Outage(ticket.OpenedAt, ticket.RestoredAt ?? ticket.ClosedAt)];
        }

        var outages = new List<Outage>();
        DateTimeOffset? down = null;
        foreach (var e in events)
        {
            if (e.State == FaultState.Raised)
            {
                down ??= e.OccurredAt;
            }
            else if (down is { } start)
            {
                outages.Add(new Outage(start, e.OccurredAt));
                down = null;
            }
        }

        if (down is { } open)
        {
            outages.Add(new Outage(open, ticket.ClosedAt));
        }

        return outages;
    }
}

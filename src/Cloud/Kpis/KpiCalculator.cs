using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Tickets.History;

namespace AfterSales.Cloud.Kpis;

/// <summary>Computes <see cref="KpiFigures"/> per company, technician, site or zone. Pure.</summary>
public static class KpiCalculator
{
    public const string Unassigned = "(unassigned)";

    public static IReadOnlyList<KpiFigures> By(KpiDimension dimension, KpiInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var tickets = inputs.Tickets.Where(t => t.OpenedAt >= inputs.From && t.OpenedAt < inputs.To).ToList();
        string Zone(string site) => inputs.SiteZone.GetValueOrDefault(site) ?? "(no zone)";
        Func<string, string?, string> key = dimension switch
        {
            KpiDimension.Company => (_, _) => "company",
            KpiDimension.Technician => (_, tech) => tech ?? Unassigned,
            KpiDimension.Site => (site, _) => site,
            KpiDimension.Zone => (site, _) => Zone(site),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };

        var groups = tickets.Select(t => key(t.SiteId, t.TechnicianId))
            .Concat(inputs.Surveys.Select(s => key(s.SiteId, s.TechnicianId)))
            .Concat(inputs.Complaints.Select(c => key(c.SiteId, c.TechnicianId)))
            .Concat(inputs.Inspections.Select(j => key(j.SiteId, j.TechnicianId)))
            .Concat(dimension == KpiDimension.Technician ? [] : inputs.SiteAvailability.Keys.Select(s => key(s, null)))
            .Distinct().Order(StringComparer.Ordinal);

        return [.. groups.Select(g => Figures(
            g,
            [.. tickets.Where(t => key(t.SiteId, t.TechnicianId) == g)],
            inputs.Surveys.Where(s => key(s.SiteId, s.TechnicianId) == g),
            inputs.Complaints.Where(c => key(c.SiteId, c.TechnicianId) == g).ToList(),
            inputs.Inspections.Where(j => key(j.SiteId, j.TechnicianId) == g).ToList(),
            dimension == KpiDimension.Technician ? [] : inputs.SiteAvailability.Where(kv => key(kv.Key, null) == g).Select(kv => kv.Value).ToList(),
            inputs.To))];
    }

    private static KpiFigures Figures(string group, List<TicketFacts> tickets, IEnumerable<Survey> surveys, List<Complaint> complaints,
        List<AfterSales.Cloud.Inspections.InspectionJob> inspections, List<double> availability, DateTimeOffset asOf)
    {
        var arrivals = tickets.Select(t => t.ArrivalOutcome(asOf)).ToList();
        var judged = arrivals.Count(a => a is SlaOutcome.Met or SlaOutcome.Missed);
        var visited = tickets.Where(t => t.ArrivedAt is not null && t.FixedAt is not null).ToList();
        return new KpiFigures(
            group,
            tickets.Count,
            judged == 0 ? null : (double)arrivals.Count(a => a == SlaOutcome.Met) / judged,
            SurveyScore.SatisfactionRate(surveys),
            tickets.Count == 0 ? null : (double)complaints.Count(c => c.ServiceAtFault) / tickets.Count,
            Durations.Mean(tickets.Select(t => t.AcknowledgedAt - t.OpenedAt)),
            Durations.Mean(tickets.Select(t => t.ArrivedAt - t.OpenedAt)),
            Durations.Mean(tickets.Select(t => t.FixedAt is { } f && f <= asOf ? f - t.OpenedAt : (TimeSpan?)null)),
            visited.Count == 0 ? null : (double)visited.Count(t => t.Visits <= 1) / visited.Count,
            tickets.Count == 0 ? null : (double)tickets.Count(t => t.Repeat) / tickets.Count,
            inspections.Count == 0 ? null : (double)inspections.Count(j => j.CompletedAt is not null) / inspections.Count,
            availability.Count == 0 ? null : availability.Average());
    }
}

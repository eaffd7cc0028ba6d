using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Tickets.History;

namespace AfterSales.Cloud.Kpis;

/// <summary>Everything the KPIs are computed from, for one period; <paramref name="SiteAvailability"/> is per site over the period.</summary>
public sealed record KpiInputs(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<TicketFacts> Tickets,
    IReadOnlyList<Survey> Surveys,
    IReadOnlyList<Complaint> Complaints,
    IReadOnlyList<InspectionJob> Inspections,
    IReadOnlyDictionary<string, double> SiteAvailability,
    IReadOnlyDictionary<string, string> SiteZone);

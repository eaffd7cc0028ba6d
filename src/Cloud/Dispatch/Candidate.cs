using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Dispatch;

/// <summary>A technician as the planner sees one: where they are, what they can do, how busy they are.</summary>
public sealed record Candidate(string TechnicianId, string Name, IReadOnlySet<string> Skills, GeoPoint From, bool OnDuty, int Load);

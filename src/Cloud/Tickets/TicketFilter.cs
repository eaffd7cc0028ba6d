using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>The dispatcher console's filters; empty means all.</summary>
public sealed record TicketFilter(string? SiteId = null, string? Zone = null, FaultSeverity? Severity = null, string? TechnicianId = null);

using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Exports;

/// <summary>What an export covers: local calendar days (both ends included) and optional filters.</summary>
public sealed record ExportQuery(DateOnly From, DateOnly To, string? SiteId = null, TicketStatus? Status = null, FaultSeverity? Severity = null);

using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Work;

namespace AfterSales.Cloud.Tickets;

/// <summary>The work recorded on the current visit of a job, for the technician and dispatcher pages.</summary>
public sealed record JobWork(IReadOnlyList<PartUsed> Parts, IReadOnlyList<TicketAuditEntry> Audit, string? SignedBy, DateTimeOffset? SignedAt);

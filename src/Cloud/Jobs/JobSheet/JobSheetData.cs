using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Work;

namespace AfterSales.Cloud.Jobs.JobSheet;

/// <summary>Everything printed on a job sheet (服务凭证), gathered before drawing so the drawing is pure.</summary>
public sealed record JobSheetData(
    Ticket Ticket,
    string SiteName,
    string? Customer,
    string? Address,
    string? Phone,
    string? TechnicianName,
    IReadOnlyList<PartUsed> Parts,
    IReadOnlyList<TicketAuditEntry> Notes,
    JobSignature? Signature,
    DateTimeOffset PrintedAt,
    string? DeviceModel = null,
    string? DeviceSerial = null);

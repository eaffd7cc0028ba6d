namespace AfterSales.Cloud.Feedback;

/// <summary>A revisit as the manager's list and the technician's findings show it.</summary>
public sealed record RevisitRow(Revisit Revisit, string SiteName, string? TechnicianId, string? TechnicianName, RevisitStanding Standing, bool AcknowledgementOverdue);

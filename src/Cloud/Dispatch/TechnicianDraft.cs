namespace AfterSales.Cloud.Dispatch;

/// <summary>What an admin fills in for a technician.</summary>
public sealed record TechnicianDraft(string Id, string Name, string? Phone, IReadOnlyCollection<string> Skills, string HomeCentreId, bool Active, bool WorksBusinessHours);

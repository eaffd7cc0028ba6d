namespace AfterSales.Cloud.Inspections;

/// <summary>A technician who may take inspections: given to the scheduler by whoever owns technicians.</summary>
public sealed record TechnicianCandidate(string Id, string Name, string? CentreId = null, int MaxPerDay = 2);

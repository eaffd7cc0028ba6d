namespace AfterSales.Cloud.Inspections;

/// <summary>The customer's sign-off of an inspection sheet as the technician's phone sends it (docs/service-rules.md §3.1a).</summary>
public sealed record InspectionSignOff(string SignerName, byte[] Png, string CollectedBy);

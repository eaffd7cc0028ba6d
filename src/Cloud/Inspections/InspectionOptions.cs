namespace AfterSales.Cloud.Inspections;

/// <summary>Who may be given inspections, until the service desk's technician roster provides them.</summary>
public sealed class InspectionOptions
{
    public const string Section = "Inspections";

    public List<TechnicianCandidate> Technicians { get; set; } = [];
}

namespace AfterSales.Cloud.Sites;

/// <summary>A base the technicians leave from; arrival deadlines are measured from here.</summary>
public sealed class ServiceCentre
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The service company that runs the centre; only its sites are measured from it.</summary>
    public string TenantId { get; set; } = "default";
}

namespace AfterSales.Cloud.Sites;

/// <summary>A customer's protected premises under a maintenance contract.</summary>
public sealed class Site
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Customer { get; set; }

    public string? Address { get; set; }

    public string? ContactPhone { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The contract's own arrival figure, used where the site lies beyond every band (按合同约定).</summary>
    public double? ContractArrivalHours { get; set; }

    /// <summary>The service company that maintains the site; its users alone see it.</summary>
    public string TenantId { get; set; } = "default";
}

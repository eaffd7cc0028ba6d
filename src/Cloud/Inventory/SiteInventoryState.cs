namespace AfterSales.Cloud.Inventory;

/// <summary>The version of the site's config the inventory was last aligned with.</summary>
public sealed class SiteInventoryState
{
    public required string SiteId { get; set; }

    public int ConfigVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int HeartbeatIntervalS { get; set; } = 30;

    public int ClockDriftToleranceS { get; set; } = 30;
}

using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Inventory;

/// <summary>One device installed on a site: what the gateway watches and what the inspection walks through.</summary>
public sealed class InventoryDevice
{
    public long Id { get; set; }

    public required string SiteId { get; set; }

    public required string DeviceId { get; set; }

    public DeviceKind Kind { get; set; }

    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? Serial { get; set; }

    public string? Address { get; set; }

    public DateOnly? InstalledOn { get; set; }

    /// <summary>Whole-unit warranty (1 year by default, docs/service-rules.md §2.11).</summary>
    public DateOnly? WarrantyUntil { get; set; }

    /// <summary>Main-parts warranty (2 years by default).</summary>
    public DateOnly? MainPartsWarrantyUntil { get; set; }

    /// <summary>Removed from the gateway's config; kept so old reports and tickets still name it.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public string Label => string.IsNullOrWhiteSpace(Name) ? DeviceId : $"{Name} ({DeviceId})";
}

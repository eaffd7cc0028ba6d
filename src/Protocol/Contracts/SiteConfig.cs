namespace AfterSales.Protocol.Contracts;

/// <summary>Retained on the <c>config</c> topic: the site's device inventory and check settings.</summary>
public sealed record SiteConfig
{
    public const string SchemaV1 = "aftersales.config/1";

    public required string Schema { get; init; }

    public required string SiteId { get; init; }

    /// <summary>Monotonic per site; a gateway never applies a version older than the one it runs.</summary>
    public required int Version { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required IReadOnlyList<SiteDevice> Devices { get; init; }

    public required CheckSettings Checks { get; init; }
}

using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Provisioning;

/// <summary>
/// What the cloud tells each site's gateway in the retained <c>config</c> message: the check
/// settings (the same for every site unless a deployment overrides them) and the device inventory per site.
/// </summary>
public sealed class SiteConfigOptions
{
    public const string Section = "SiteConfig";

    public int HeartbeatIntervalS { get; set; } = 30;

    public int CameraCheckIntervalS { get; set; } = 60;

    public int CameraMissesBeforeFault { get; set; } = 3;

    public int ClockDriftToleranceS { get; set; } = 30;

    /// <summary>The PEM file of the private key that signs every config (created on first start when missing).</summary>
    public string SigningKeyFile { get; set; } = "keys/config-signing-key.pem";

    /// <summary>How often the cloud looks for new sites or changed settings and republishes what changed.</summary>
    public int CheckForChangesSeconds { get; set; } = 60;

    /// <summary>Device inventory by site id (<c>SiteConfig:Devices:site-001:0:DeviceId=cam-01</c>).</summary>
    public Dictionary<string, List<SiteDeviceOptions>> Devices { get; set; } = [];
}

public sealed class SiteDeviceOptions
{
    public string DeviceId { get; set; } = string.Empty;

    public DeviceKind DeviceKind { get; set; }

    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? Serial { get; set; }

    public string? Address { get; set; }
}

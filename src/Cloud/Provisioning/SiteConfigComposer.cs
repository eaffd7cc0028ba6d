using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;

namespace AfterSales.Cloud.Provisioning;

/// <summary>Builds a site's config from what the cloud knows, and decides its version; pure.</summary>
public static class SiteConfigComposer
{
    private static readonly DateTimeOffset VersionEpoch = SiteConfigVersion.Epoch;

    /// <summary>
    /// The config without version and issue time, so two compositions compare equal when nothing changed.
    /// The devices are the site's inventory when it has one (kept by the service desk), else the configured list.
    /// </summary>
    public static SiteConfig Compose(string siteId, SiteConfigOptions options, IReadOnlyList<SiteDevice>? inventory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var devices = options.Devices.TryGetValue(siteId, out var list) ? list : [];
        return new SiteConfig
        {
            Schema = SiteConfig.SchemaV1,
            SiteId = siteId,
            Version = 0,
            IssuedAt = VersionEpoch,
            Devices = inventory is not null ? [.. inventory] : [.. devices.Select(d => new SiteDevice
            {
                DeviceId = d.DeviceId,
                DeviceKind = d.DeviceKind,
                Name = d.Name,
                Model = d.Model,
                Serial = d.Serial,
                Address = d.Address,
            })],
            Checks = new CheckSettings
            {
                HeartbeatIntervalS = options.HeartbeatIntervalS,
                CameraCheckIntervalS = options.CameraCheckIntervalS,
                CameraMissesBeforeFault = options.CameraMissesBeforeFault,
                ClockDriftToleranceS = options.ClockDriftToleranceS,
            },
        };
    }

    public static bool SameContent(SiteConfig a, SiteConfig b) =>
        PayloadCodec.Encode(a with { Version = 0, IssuedAt = VersionEpoch }).AsSpan()
            .SequenceEqual(PayloadCodec.Encode(b with { Version = 0, IssuedAt = VersionEpoch }));

    /// <summary>
    /// Seconds since 2024 and at least one above the last published (<see cref="SiteConfigVersion"/>): monotonic across
    /// cloud restarts and across nodes without storing anything, since gateways refuse a version older than theirs, and
    /// one a gateway can bound, since it refuses a version from the future.
    /// </summary>
    public static int NextVersion(int previous, DateTimeOffset now) => SiteConfigVersion.Next(previous, now);
}

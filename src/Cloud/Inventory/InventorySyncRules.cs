using AfterSales.Protocol.Contracts;

namespace AfterSales.Cloud.Inventory;

/// <summary>What aligning the inventory with a config changed.</summary>
public sealed record InventoryChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Retired, IReadOnlyList<string> Reinstated);

/// <summary>
/// Keeps the inventory and the gateway's <see cref="SiteConfig"/> in step. Pure: applies a config
/// to the tracked rows in memory. A device missing from the config is retired, never deleted,
/// because past tickets and reports still name it; warranty dates are the cloud's own and survive.
/// </summary>
public static class InventorySyncRules
{
    public static InventoryChanges Apply(SiteConfig config, List<InventoryDevice> devices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(devices);
        var duplicate = config.Devices.GroupBy(d => d.DeviceId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The config lists device '{duplicate.Key}' more than once.", nameof(config));
        }

        List<string> added = [], updated = [], retired = [], reinstated = [];
        foreach (var wanted in config.Devices)
        {
            var row = devices.Find(d => d.DeviceId == wanted.DeviceId);
            if (row is null)
            {
                devices.Add(new InventoryDevice
                {
                    SiteId = config.SiteId,
                    DeviceId = wanted.DeviceId,
                    Kind = wanted.DeviceKind,
                    Name = wanted.Name,
                    Model = wanted.Model,
                    Serial = wanted.Serial,
                    Address = wanted.Address,
                    InstalledOn = DateOnly.FromDateTime(now.UtcDateTime),
                });
                added.Add(wanted.DeviceId);
                continue;
            }

            if (row.RetiredAt is not null)
            {
                row.RetiredAt = null;
                reinstated.Add(row.DeviceId);
            }

            if (row.Kind != wanted.DeviceKind || row.Name != wanted.Name || row.Model != wanted.Model
                || row.Serial != wanted.Serial || row.Address != wanted.Address)
            {
                (row.Kind, row.Name, row.Model, row.Serial, row.Address) = (wanted.DeviceKind, wanted.Name, wanted.Model, wanted.Serial, wanted.Address);
                updated.Add(row.DeviceId);
            }
        }

        foreach (var row in devices.Where(d => d.RetiredAt is null && !config.Devices.Any(w => w.DeviceId == d.DeviceId)))
        {
            row.RetiredAt = now;
            retired.Add(row.DeviceId);
        }

        return new InventoryChanges(added, updated, retired, reinstated);
    }

    /// <summary>The config a gateway should run for the inventory as it stands.</summary>
    public static SiteConfig ToConfig(string siteId, SiteInventoryState state, IEnumerable<InventoryDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SiteConfig
        {
            Schema = SiteConfig.SchemaV1,
            SiteId = siteId,
            Version = state.ConfigVersion,
            IssuedAt = state.UpdatedAt,
            Devices = [.. devices.Where(d => d.RetiredAt is null).OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(d => new SiteDevice
            {
                DeviceId = d.DeviceId,
                DeviceKind = d.Kind,
                Name = d.Name,
                Model = d.Model,
                Serial = d.Serial,
                Address = d.Address,
            })],
            Checks = new CheckSettings { HeartbeatIntervalS = state.HeartbeatIntervalS, ClockDriftToleranceS = state.ClockDriftToleranceS },
        };
    }
}

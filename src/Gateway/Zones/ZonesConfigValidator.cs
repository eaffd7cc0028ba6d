using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Zones;

/// <summary>Checks the <c>zones</c> section; returns the first problem as "zones.field: reason", or null.</summary>
internal static class ZonesConfigValidator
{
    public static string? Validate(ZonesConfig? z)
    {
        if (z is null)
        {
            return null;
        }

        var problem = Range(z.SpiBus, 0, 15, "zones.spiBus")
            ?? Range(z.ChipSelect, 0, 15, "zones.chipSelect")
            ?? Range(z.ClockHz, 10_000, 3_600_000, "zones.clockHz")
            ?? (z.ReferenceVolts is >= 2.7 and <= 5.5 ? null : Text($"zones.referenceVolts {z.ReferenceVolts} must be between 2.7 and 5.5"))
            ?? Range(z.PollIntervalMilliseconds, 10, 10_000, "zones.pollIntervalMilliseconds")
            ?? ValidateBands(z.Bands, z.ReferenceVolts);
        if (problem is not null)
        {
            return problem;
        }

        var channels = new Dictionary<int, int>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < z.Channels.Count; i++)
        {
            var zone = z.Channels[i];
            var at = Text($"zones.channels[{i}]");
            problem = zone.Channel is < 0 or >= AdcVolts.Channels
                ? $"{at}.channel is missing or not 0-7"
                : DeviceId(zone.DeviceId, $"{at}.deviceId")
                    ?? (string.IsNullOrWhiteSpace(zone.Name) ? $"{at}.name is missing" : null)
                    ?? Range(zone.DebounceMilliseconds, 0, 60_000, $"{at}.debounceMilliseconds");
            if (problem is not null)
            {
                return problem;
            }

            if (!channels.TryAdd(zone.Channel, i))
            {
                return Text($"{at}.channel {zone.Channel} is already used by zones.channels[{channels[zone.Channel]}]");
            }

            if (!ids.TryAdd(zone.DeviceId, i))
            {
                return Text($"{at}.deviceId '{zone.DeviceId}' is already used by zones.channels[{ids[zone.DeviceId]}]");
            }
        }

        return null;
    }

    private static string? ValidateBands(ZoneBands b, double reference)
    {
        // Equal neighbours are allowed: an empty band switches that state off (plain double-EOL has no tamper band).
        return b.ShortBelowVolts > 0
            && b.ShortBelowVolts < b.NormalBelowVolts
            && b.NormalBelowVolts < b.AlarmBelowVolts
            && b.AlarmBelowVolts <= b.TamperBelowVolts
            && b.TamperBelowVolts < reference
            ? null
            : Text($"zones.bands must rise: 0 < shortBelowVolts ({b.ShortBelowVolts}) < normalBelowVolts ({b.NormalBelowVolts}) < alarmBelowVolts ({b.AlarmBelowVolts}) <= tamperBelowVolts ({b.TamperBelowVolts}) < zones.referenceVolts ({reference})");
    }
}

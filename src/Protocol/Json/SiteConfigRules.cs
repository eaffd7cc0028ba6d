using AfterSales.Protocol.Contracts;

namespace AfterSales.Protocol.Json;

internal static class SiteConfigRules
{
    public static string? Validate(SiteConfig c)
    {
        if (c.Schema != SiteConfig.SchemaV1)
        {
            return $"field 'schema' is '{c.Schema}', expected '{SiteConfig.SchemaV1}'";
        }

        var problem = PayloadCodec.RequireId(c.SiteId, "siteId");
        if (problem is not null)
        {
            return problem;
        }

        if (c.Version < 1)
        {
            return "field 'version' must be 1 or more";
        }

        if (c.Checks.HeartbeatIntervalS is < 1 or > 3600)
        {
            return "field 'checks.heartbeatIntervalS' must be between 1 and 3600";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Devices.Count; i++)
        {
            var device = c.Devices[i];
            problem = PayloadCodec.RequireId(device.DeviceId, $"devices[{i}].deviceId");
            if (problem is not null)
            {
                return problem;
            }

            if (!seen.Add(device.DeviceId))
            {
                return $"field 'devices[{i}].deviceId' repeats '{device.DeviceId}'";
            }
        }

        return null;
    }
}

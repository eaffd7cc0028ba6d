using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Cameras;

/// <summary>Checks <c>cameras[]</c>; returns the first problem as "cameras[i].field: reason", or null.</summary>
internal static class CameraConfigValidator
{
    public static string? Validate(IReadOnlyList<CameraConfig> cameras)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cameras.Count; i++)
        {
            var at = Text($"cameras[{i}]");
            var problem = ValidateOne(cameras[i], at);
            if (problem is not null)
            {
                return problem;
            }

            if (!ids.TryAdd(cameras[i].DeviceId, i))
            {
                return $"{at}.deviceId '{cameras[i].DeviceId}' is already used by cameras[{ids[cameras[i].DeviceId]}]";
            }
        }

        return null;
    }

    private static string? ValidateOne(CameraConfig c, string at)
    {
        var problem = DeviceId(c.DeviceId, $"{at}.deviceId");
        if (problem is not null)
        {
            return problem;
        }

        if (!Enum.IsDefined(c.Kind))
        {
            return $"{at}.kind must be 'camera' or 'recorder'";
        }

        if (string.IsNullOrWhiteSpace(c.Host) || Uri.CheckHostName(c.Host) == UriHostNameType.Unknown)
        {
            return string.IsNullOrWhiteSpace(c.Host) ? $"{at}.host is missing" : $"{at}.host '{c.Host}' is not a host name or IP address";
        }

        if (!c.Icmp && c.RtspPort == 0 && c.OnvifPort == 0)
        {
            return $"{at}: every check is turned off (icmp false, rtspPort 0, onvifPort 0); remove the entry or enable a check";
        }

        return Port(c.RtspPort, $"{at}.rtspPort")
            ?? Path(c.RtspPath, $"{at}.rtspPath")
            ?? Port(c.OnvifPort, $"{at}.onvifPort")
            ?? Path(c.OnvifPath, $"{at}.onvifPath")
            ?? (c.Password is not null && string.IsNullOrEmpty(c.Username) ? $"{at}.username is missing while {at}.password is set" : null)
            ?? Range(c.IntervalSeconds, 5, 86_400, $"{at}.intervalSeconds")
            ?? Range(c.TimeoutMilliseconds, 100, 60_000, $"{at}.timeoutMilliseconds")
            ?? Range(c.MissesBeforeFault, 1, 100, $"{at}.missesBeforeFault")
            ?? Range(c.PassesBeforeClear, 1, 100, $"{at}.passesBeforeClear")
            ?? Range(c.MaxClockDriftSeconds, 1, 86_400, $"{at}.maxClockDriftSeconds")
            ?? (c.TimeoutMilliseconds * 3L >= c.IntervalSeconds * 1000L
                ? $"{at}.timeoutMilliseconds {c.TimeoutMilliseconds} leaves no room for three checks in intervalSeconds {c.IntervalSeconds}"
                : null);
    }

    private static string? Port(int port, string field) =>
        port is < 0 or > 65535 ? $"{field} {port} must be between 1 and 65535 (0 turns the check off)" : null;

    private static string? Path(string path, string field) =>
        string.IsNullOrEmpty(path) || path[0] != '/' || path.Any(ch => ch is <= ' ' or (char)127)
            ? $"{field} '{path}' must start with '/' and contain no spaces or control characters"
            : null;
}

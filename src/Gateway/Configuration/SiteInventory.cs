using System.Globalization;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Ptz;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Configuration;

/// <summary>
/// Puts the devices of the cloud's site config into gateway.json's shape, so the cloud's inventory is the one list of
/// cameras, recorders, serial panels and PTZ heads. gateway.json adds only what the cloud does not know: a camera's
/// credentials and ports, a panel's baud rate, the RS-485 port of the PTZ bus; inputs, zones and the supply are wired
/// to the board and stay in gateway.json. The result goes through the same validator as gateway.json. Pure.
/// </summary>
internal static class SiteInventory
{
    /// <summary>gateway.json with the cloud's devices, or why the site config cannot run here.</summary>
    public static ConfigLoadResult Apply(GatewayConfig local, SiteConfig? site)
    {
        ArgumentNullException.ThrowIfNull(local);

        // A site not yet inventoried in the cloud sends no devices: gateway.json's lists stand.
        if (site is not { Devices.Count: > 0 })
        {
            return new ConfigLoadResult(local, null);
        }

        var cameras = new List<CameraConfig>();
        var panels = new List<PanelConfig>();
        var heads = new List<PtzHeadConfig>();
        foreach (var device in site.Devices)
        {
            var problem = device.DeviceKind switch
            {
                DeviceKind.Camera or DeviceKind.Recorder => AddCamera(device, local, site.Checks, cameras),
                DeviceKind.Panel => AddPanel(device, local, panels),
                DeviceKind.Ptz => AddHead(device, local, heads),
                _ => null,
            };
            if (problem is not null)
            {
                return Fail(site, $"device {device.DeviceId} ({device.DeviceKind.ToString().ToLowerInvariant()}): {problem}");
            }
        }

        var merged = local with
        {
            Cameras = cameras,
            Panels = panels,
            Ptz = local.Ptz is { } bus ? bus with { Heads = heads } : null,
        };
        var invalid = GatewayConfigValidator.Validate(merged);
        return invalid is null ? new ConfigLoadResult(merged, null) : Fail(site, invalid);
    }

    private static string? AddCamera(SiteDevice device, GatewayConfig local, CheckSettings checks, List<CameraConfig> cameras)
    {
        // "host" or "host:rtspPort"; the rest (paths, ONVIF port, credentials) comes from gateway.json's entry if any.
        if (string.IsNullOrWhiteSpace(device.Address))
        {
            return "has no address; give the camera's host (or host:rtspPort) in the cloud's inventory";
        }

        var (host, port) = SplitPort(device.Address);
        if (port is { } p && p is < 1 or > 65535)
        {
            return $"address '{device.Address}' has no valid port";
        }

        var known = local.Cameras.FirstOrDefault(c => c.DeviceId == device.DeviceId) ?? new CameraConfig { DeviceId = device.DeviceId };
        cameras.Add(known with
        {
            Kind = device.DeviceKind == DeviceKind.Recorder ? CameraKind.Recorder : CameraKind.Camera,
            Host = host,
            RtspPort = port ?? known.RtspPort,
            IntervalSeconds = checks.CameraCheckIntervalS,
            MissesBeforeFault = checks.CameraMissesBeforeFault,
            MaxClockDriftSeconds = checks.ClockDriftToleranceS,
        });
        return null;
    }

    private static string? AddPanel(SiteDevice device, GatewayConfig local, List<PanelConfig> panels)
    {
        // Only panels on a serial port are sessions; IP panels report to dc09Receiver and relays are inputs.
        if (device.Address is not { } port || !port.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return null;
        }

        var known = local.Panels.FirstOrDefault(p => p.Id == device.DeviceId);
        var protocol = SerialPanelProtocol.Find(device.Model ?? string.Empty) is not null ? device.Model! : known?.Protocol;
        if (protocol is null)
        {
            return $"on {port}: model '{device.Model}' is not a serial panel protocol ({string.Join(", ", SerialPanelProtocol.Names)}), and gateway.json has no panel with that id to take it from";
        }

        panels.Add((known ?? new PanelConfig { Id = device.DeviceId }) with { Protocol = protocol, Port = port });
        return null;
    }

    private static string? AddHead(SiteDevice device, GatewayConfig local, List<PtzHeadConfig> heads)
    {
        if (local.Ptz is null)
        {
            return "the cloud lists a PTZ head, but gateway.json has no ptz section naming the RS-485 port";
        }

        if (!int.TryParse(device.Address, NumberStyles.None, CultureInfo.InvariantCulture, out var address))
        {
            return $"address '{device.Address}' must be the head's Pelco-D address, 1-255";
        }

        heads.Add(new PtzHeadConfig { Id = device.DeviceId, Address = address });
        return null;
    }

    private static (string Host, int? Port) SplitPort(string address)
    {
        var colon = address.LastIndexOf(':');

        // An IPv6 address has colons of its own; only "[::1]:554" or "host:554" carry a port.
        if (colon < 0 || (address.Count(c => c == ':') > 1 && !address.StartsWith('[')))
        {
            return (address.Trim(), null);
        }

        var port = int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        return (address[..colon].Trim('[', ']', ' '), port);
    }

    private static ConfigLoadResult Fail(SiteConfig site, string problem) => new(null, $"site config version {site.Version}: {problem}");
}

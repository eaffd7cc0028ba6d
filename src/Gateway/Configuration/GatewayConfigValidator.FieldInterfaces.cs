using System.Globalization;
using System.Net;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Panels.Dc09;
using AfterSales.Gateway.Ptz;
using AfterSales.Protocol.Panels.SiaDc09;
using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Configuration;

/// <summary>Serial panels, the DC-09 receiver and the PTZ bus: each problem names its field like the rest of the file.</summary>
internal static partial class GatewayConfigValidator
{
    private static string? ValidateFieldInterfaces(GatewayConfig c)
    {
        var deviceIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var ports = new Dictionary<string, string>(StringComparer.Ordinal);
        return ValidatePanels(c.Panels, deviceIds, ports)
            ?? (c.Dc09Receiver is { } receiver ? ValidateReceiver(receiver, deviceIds) : null)
            ?? (c.Ptz is { } ptz ? ValidatePtz(ptz, deviceIds, ports) : null)
            ?? InputsApart(c.Inputs, deviceIds);
    }

    /// <summary>
    /// An input reporting on a device a panel session or the PTZ bus also reports on would raise and clear the
    /// other's faults (the tracker keys on device and fault), so each device has one source.
    /// </summary>
    private static string? InputsApart(IReadOnlyList<InputConfig> inputs, Dictionary<string, string> deviceIds)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            if (deviceIds.TryGetValue(inputs[i].DeviceId, out var owner))
            {
                return $"inputs[{i}].deviceId '{inputs[i].DeviceId}' is also {owner}; give the input its own deviceId (e.g. '{inputs[i].DeviceId}-relay')";
            }
        }

        return null;
    }

    private static string? ValidatePanels(IReadOnlyList<PanelConfig> panels, Dictionary<string, string> deviceIds, Dictionary<string, string> ports)
    {
        for (var i = 0; i < panels.Count; i++)
        {
            var p = panels[i];
            var at = $"panels[{i}]";
            var problem = UniqueId(p.Id, $"{at}.id", deviceIds)
                ?? (SerialPanelProtocol.Find(p.Protocol) is null
                    ? $"{at}.protocol '{p.Protocol}' must be one of {string.Join(", ", SerialPanelProtocol.Names)} (sia-dc09 panels report to dc09Receiver)"
                    : null)
                ?? UniquePort(p.Port, $"{at}.port", ports)
                ?? (p.BaudRate is { } baud ? Baud(baud, $"{at}.baudRate") : null)
                ?? (p.PollIntervalSeconds is < 1 or > 3600 ? $"{at}.pollIntervalSeconds must be between 1 and 3600" : null)
                ?? (p.MissedPollsBeforeFault is < 0 or > 100 ? $"{at}.missedPollsBeforeFault must be between 0 and 100" : null);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ValidateReceiver(Dc09ReceiverConfig r, Dictionary<string, string> deviceIds)
    {
        if (!IPAddress.TryParse(r.ListenAddress, out _))
        {
            return $"dc09Receiver.listenAddress '{r.ListenAddress}' is not an IP address";
        }

        var problem = TcpUdpPort(r.TcpPort, "dc09Receiver.tcpPort") ?? TcpUdpPort(r.UdpPort, "dc09Receiver.udpPort")
            ?? (r.TcpPort == 0 && r.UdpPort == 0 ? "dc09Receiver needs tcpPort or udpPort" : null)
            ?? (r.MaxAgeSeconds is < 1 or > 3600 ? "dc09Receiver.maxAgeSeconds must be between 1 and 3600" : null)
            ?? (r.MaxAheadSeconds is < 1 or > 3600 ? "dc09Receiver.maxAheadSeconds must be between 1 and 3600" : null)
            ?? (r.MaxConnections is < 1 or > 1024 ? "dc09Receiver.maxConnections must be between 1 and 1024" : null)
            ?? (r.IdleTimeoutSeconds is < 5 or > 86_400 ? "dc09Receiver.idleTimeoutSeconds must be between 5 and 86400" : null)
            ?? (r.MaxFrameBytes is < 64 or > Dc09Reader.MaxLength ? $"dc09Receiver.maxFrameBytes must be between 64 and {Dc09Reader.MaxLength}" : null)
            ?? (r.Accounts.Count == 0 ? "dc09Receiver.accounts is empty: messages from unknown accounts are refused" : null);
        var accounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; problem is null && i < r.Accounts.Count; i++)
        {
            var a = r.Accounts[i];
            var at = $"dc09Receiver.accounts[{i}]";
            problem = (a.Account.Length is < 1 or > 16 || !a.Account.All(Uri.IsHexDigit) ? $"{at}.account must be 1-16 hex digits" : null)
                ?? (!accounts.Add(a.Account) ? $"{at}.account '{a.Account}' is listed twice" : null)
                ?? UniqueId(a.PanelId, $"{at}.panelId", deviceIds)
                ?? AccountKey(a, at)
                ?? (a.SupervisionSeconds is < 0 or > 604_800 ? $"{at}.supervisionSeconds must be between 0 and 604800" : null);
        }

        return problem;
    }

    /// <summary>A key inline or in a file, or clear text explicitly allowed (issue 13): never a keyless account by omission.</summary>
    private static string? AccountKey(Dc09AccountConfig a, string at)
    {
        if (a.Key is not null && a.KeyFile is not null)
        {
            return $"{at} has both key and keyFile; give one";
        }

        if (a.Key is null && a.KeyFile is null)
        {
            return a.AllowCleartext
                ? null
                : $"{at} has no key: give the panel's AES key (keyFile or key), or set allowCleartext to true to accept its clear-text frames, which any device on the site LAN can forge";
        }

        if (a.AllowCleartext)
        {
            return $"{at}.allowCleartext cannot go with a key: an account with a key never accepts clear text";
        }

        string? text;
        try
        {
            text = a.KeyText();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{at}.keyFile '{a.KeyFile}' cannot be read: {ex.Message}";
        }

        // The key itself is never part of a message.
        return Dc09Key.TryParse(text, out _)
            ? null
            : $"{at}.{(a.KeyFile is null ? "key must be" : $"keyFile '{a.KeyFile}' must hold")} 32/48/64 hex characters or 16/24/32 characters of text";
    }

    private static string? ValidatePtz(PtzConfig p, Dictionary<string, string> deviceIds, Dictionary<string, string> ports)
    {
        var problem = UniquePort(p.Port, "ptz.port", ports)
            ?? Baud(p.BaudRate, "ptz.baudRate")
            ?? (p.PollIntervalSeconds is < 1 or > 3600 ? "ptz.pollIntervalSeconds must be between 1 and 3600" : null)
            ?? (p.ResponseTimeoutMilliseconds is < 50 or > 10_000 ? "ptz.responseTimeoutMilliseconds must be between 50 and 10000" : null)
            ?? (p.MissedPollsBeforeFault is < 1 or > 100 ? "ptz.missedPollsBeforeFault must be between 1 and 100" : null)
            ?? (p.Heads.Count == 0 ? "ptz.heads is empty" : null)
            ?? (p.ResponseTimeout() * p.Heads.Count > p.PollInterval()
                ? $"ptz.pollIntervalSeconds is too short to ask {p.Heads.Count} heads one after another with a {p.ResponseTimeoutMilliseconds} ms timeout"
                : null);
        var addresses = new HashSet<int>();
        for (var i = 0; problem is null && i < p.Heads.Count; i++)
        {
            var h = p.Heads[i];
            var at = $"ptz.heads[{i}]";
            problem = UniqueId(h.Id, $"{at}.id", deviceIds)
                ?? (h.Address is < 1 or > 255 ? $"{at}.address must be between 1 and 255" : null)
                ?? (!addresses.Add(h.Address) ? $"{at}.address {h.Address} is used by another head" : null);
        }

        return problem;
    }

    private static string? UniqueId(string id, string field, Dictionary<string, string> seen)
    {
        var problem = DeviceId(id, field);
        if (problem is not null)
        {
            return problem;
        }

        return seen.TryAdd(id, field) ? null : $"{field} '{id}' is already used by {seen[id]}";
    }

    private static string? UniquePort(string port, string field, Dictionary<string, string> seen)
    {
        if (string.IsNullOrWhiteSpace(port))
        {
            return $"{field} is missing";
        }

        return seen.TryAdd(port, field) ? null : $"{field} '{port}' is already used by {seen[port]}";
    }

    private static string? Baud(int baud, string field) =>
        baud is 1200 or 2400 or 4800 or 9600 or 19200 or 38400 or 57600 or 115200
            ? null
            : $"{field} {baud.ToString(CultureInfo.InvariantCulture)} must be one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200";

    private static string? TcpUdpPort(int port, string field) =>
        port is < 0 or > 65535 ? $"{field} {port.ToString(CultureInfo.InvariantCulture)} must be between 0 (off) and 65535" : null;
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Status;

/// <summary>
/// <c>AfterSales.Gateway status [--config PATH]</c>: prints what the running gateway last wrote to
/// its status file. Exit 0 when the gateway is running, 3 when the file is missing or stale.
/// </summary>
internal static class StatusCommand
{
    public const int NotRunning = 3;

    /// <summary>Older than this, the file was left by a gateway that is no longer running.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    public static int Run(GatewayConfig config, DateTimeOffset now, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(output);
        var path = StatusFileWriter.PathIn(config.StateDirectory);
        StatusReport? report;
        try
        {
            report = JsonSerializer.Deserialize(File.ReadAllBytes(path), StatusJsonContext.Default.StatusReport);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            output.WriteLine($"gateway {config.GatewayId}: not running (no status file {path})");
            return NotRunning;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            output.WriteLine($"gateway {config.GatewayId}: status file {path} unreadable: {ex.Message}");
            return NotRunning;
        }

        if (report is null)
        {
            output.WriteLine($"gateway {config.GatewayId}: status file {path} is empty");
            return NotRunning;
        }

        var age = now - report.WrittenAt;
        output.Write(Format(report, age));
        return IsRunning(report, age) ? 0 : NotRunning;
    }

    private static bool IsRunning(StatusReport r, TimeSpan age) => !r.Stopped && age <= StaleAfter;

    public static string Format(StatusReport r, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(r);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var running = IsRunning(r, age)
            ? $"running, pid {r.Pid}, up since {r.StartedAt.ToString("u", inv)}{Resident(r)}"
            : r.Stopped
                ? $"STOPPED at {r.WrittenAt.ToString("u", inv)} (state below is from then)"
                : $"NOT RUNNING (status last written {age.TotalSeconds:0} s ago by pid {r.Pid}; state below is from then)";
        text.AppendLine(inv, $"gateway     {r.GatewayId} (site {r.SiteId}): {running}");
        var link = r.Connected ? "connected" : "DISCONNECTED";
        var since = r.ConnectionSince is { } s ? $" since {s.ToString("u", inv)}" : string.Empty;
        var error = r.LastError is null ? string.Empty : $" ({r.LastError})";
        text.AppendLine(inv, $"broker      {r.Broker}: {link}{since}{error}");
        var full = r.OutboxFull ? " FULL: gateway.outbox_full raised, new events refused" : string.Empty;
        text.AppendLine(inv, $"outbox      {r.OutboxDepth} events waiting, {r.OutboxBytes / 1024.0:0.0} of {r.OutboxMaxBytes / 1024.0:0} KiB{full}");
        text.AppendLine(inv, $"faults      {r.ActiveFaults.Count} active");
        foreach (var fault in r.ActiveFaults)
        {
            text.AppendLine(inv, $"            {fault.DeviceId}: {fault.Fault}");
        }

        var config = r.ConfigVersion is { } v
            ? $"version {v} issued {r.ConfigIssuedAt?.ToString("u", inv)}"
            : "none received from the cloud yet";
        text.AppendLine(inv, $"site config {config}");
        if (r.StuckLoops.Count > 0)
        {
            text.AppendLine(inv, $"STUCK       {string.Join(", ", r.StuckLoops)} (the watchdog will restart the gateway)");
        }

        if (r.Metrics is { } m)
        {
            var latency = m.LatencySamples > 0
                ? $"event → PUBACK p50 {m.LatencyP50Ms:0.0} ms, p99 {m.LatencyP99Ms:0.0} ms, max {m.LatencyMaxMs:0.0} ms (last {m.LatencySamples})"
                : "event → PUBACK not measured yet";
            text.AppendLine(inv, $"events      {m.EventsQueued} queued, {m.EventsPublished} published, {m.PublishFailures} publish failures, {m.EventsRefused} refused (outbox full), {m.Reconnects} reconnects since start");
            text.AppendLine(inv, $"latency     {latency}");
            if (m.Checks.Count > 0)
            {
                text.AppendLine(inv, $"checks      {string.Join(", ", m.Checks.Select(c => $"{c.Kind} {c.Outcome} {c.Count}"))}");
            }
        }

        return text.ToString();
    }

    private static string Resident(StatusReport r) =>
        r.ResidentBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $", {bytes / (1024.0 * 1024.0):0.0} MiB resident") : string.Empty;
}

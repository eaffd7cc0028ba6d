using System.Globalization;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation.Panels;
using AfterSales.Gateway.Simulation.Ptz;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// In <c>--simulate</c> mode, puts a simulated panel behind every configured serial panel and simulated heads on the
/// PTZ bus, each over its own socat pseudo-terminal pair under <c>stateDirectory/sim</c>. The configured ports are
/// pointed at the gateway ends before the sessions start, so the sessions run exactly as on a real site.
/// Must be registered before the panel sessions and the PTZ bus. With <c>--simulate-board</c>
/// (<paramref name="simulateSerialDevices"/> false) it leaves the configured ports alone: the panels are real, or simulated elsewhere.
/// </summary>
internal sealed partial class SimulatedField(GatewayConfig config, ISerialLinkFactory links, TimeProvider time, ILogger<SimulatedField> logger, bool simulateSerialDevices)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SocatPair> _cables = [];
    private readonly List<SerialLink> _deviceEnds = [];
    private readonly Dictionary<string, PanelSimulator> _panels = new(StringComparer.Ordinal);
    private PelcoDHeadSimulator? _heads;
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!simulateSerialDevices || (config.Panels.Count == 0 && config.Ptz is null))
        {
            return Task.CompletedTask;
        }

        if (!SocatPair.IsAvailable())
        {
            LogNoSocat();
            return Task.CompletedTask;
        }

        var directory = Path.Combine(config.StateDirectory, "sim");
        Directory.CreateDirectory(directory);
        foreach (var panel in config.Panels)
        {
            var simulator = PanelSimulator.Create(panel.Protocol, time);
            panel.Port = Serve(directory, panel.Id, stream => simulator.RunAsync(stream, _stop.Token));
            _panels[panel.Id] = simulator;
            LogSimulating("panel " + panel.Id, panel.Protocol, panel.Port);
        }

        if (config.Ptz is { } ptz)
        {
            var heads = new PelcoDHeadSimulator(ptz.Heads.Select(h => h.Address));
            ptz.Port = Serve(directory, "ptz", stream => heads.RunAsync(stream, _stop.Token));
            _heads = heads;
            var what = $"{ptz.Heads.Count} PTZ heads";
            LogSimulating(what, "pelco-d", ptz.Port);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stop.CancelAsync();

    /// <summary>Idempotent: the container disposes this once as a singleton and once as a hosted service.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _deviceEnds.ForEach(l => l.Dispose());
        _cables.ForEach(c => c.Dispose());
        foreach (var panel in _panels.Values)
        {
            panel.Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>Applies a command; returns an error to print, or null.</summary>
    public string? Apply(FieldCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Target == "ptz")
        {
            if (_heads is null)
            {
                return "no simulated PTZ bus";
            }

            _heads.SetSilent(int.Parse(command.Id, CultureInfo.InvariantCulture), command.On);
            return null;
        }

        if (!_panels.TryGetValue(command.Id, out var panel))
        {
            return $"no simulated panel '{command.Id}'";
        }

        if (command.Action == "corrupt")
        {
            panel.SendCorruptFrame();
        }
        else if (command.Action == "silent")
        {
            panel.Silent = command.On;
        }
        else if (FieldCommand.TryTrouble(command.Action, out var trouble))
        {
            panel.SetTrouble(trouble, command.On);
        }

        return null;
    }

    private string Serve(string directory, string name, Func<Stream, Task> device)
    {
        var cable = new SocatPair(Path.Combine(directory, name + "-gateway"), Path.Combine(directory, name + "-device"));
        cable.Start();
        _cables.Add(cable);
        var deviceEnd = links.Open(cable.DeviceEnd, 9600);
        _deviceEnds.Add(deviceEnd);
        _ = Task.Run(() => device(deviceEnd.Stream));
        return Path.GetFullPath(cable.GatewayEnd);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "socat is not installed: simulated panels and PTZ heads are off, their sessions will report offline")]
    private partial void LogNoSocat();

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {What} ({Protocol}) behind {Port}")]
    private partial void LogSimulating(string what, string protocol, string port);
}

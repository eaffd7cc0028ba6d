using System.Net;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Simulation.Panels;

namespace AfterSales.Benchmarks;

/// <summary>
/// The site's field devices outside the gateway: one simulated panel per protocol behind its own socat
/// pseudo-terminal pair, and simulated cameras (RTSP + ONVIF) on loopback ports the system picks.
/// </summary>
internal sealed class SimulatedSite : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SocatPair> _cables = [];
    private readonly List<SerialLink> _deviceEnds = [];
    private readonly List<PanelSimulator> _panels = [];

    private SimulatedSite()
    {
    }

    /// <summary>The gateway ends of the panels' cables, in the order of the protocols given.</summary>
    public List<string> PanelPorts { get; } = [];

    public List<CameraSimulator> Cameras { get; } = [];

    public static SimulatedSite Start(string directory, IReadOnlyList<string> protocols, int cameras)
    {
        var site = new SimulatedSite();
        var links = new SerialPortLinkFactory();
        for (var i = 0; i < protocols.Count; i++)
        {
            var cable = new SocatPair(Path.Combine(directory, $"panel{i}-gateway"), Path.Combine(directory, $"panel{i}-device"));
            cable.Start();
            site._cables.Add(cable);
            var deviceEnd = links.Open(cable.DeviceEnd, 9600);
            site._deviceEnds.Add(deviceEnd);
            var panel = PanelSimulator.Create(protocols[i], TimeProvider.System);
            site._panels.Add(panel);
            _ = Task.Run(() => panel.RunAsync(deviceEnd.Stream, site._stop.Token));
            site.PanelPorts.Add(cable.GatewayEnd);
        }

        for (var i = 0; i < cameras; i++)
        {
            var camera = new CameraSimulator(IPAddress.Loopback, 0, 0, TimeProvider.System);
            camera.Start();
            site.Cameras.Add(camera);
        }

        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var camera in Cameras)
        {
            await camera.DisposeAsync();
        }

        _deviceEnds.ForEach(l => l.Dispose());
        _cables.ForEach(c => c.Dispose());
        _panels.ForEach(p => p.Dispose());
        _stop.Dispose();
    }
}

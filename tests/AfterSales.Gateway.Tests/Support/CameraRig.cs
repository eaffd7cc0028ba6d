using System.Buffers;
using System.Net;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// A simulated camera on loopback, the real camera watcher on fake time, and the real uplink publishing
/// to a real broker that a second client watches as the cloud would.
/// </summary>
internal sealed class CameraRig : IAsyncDisposable
{
    private readonly TestBroker _broker = new();
    private readonly OnvifProbe _onvif;
    private readonly RealUplink _uplink;

    private CameraRig(CameraConfig camera)
    {
        Simulator = new CameraSimulator(IPAddress.Loopback, 0, 0, Time);
        Simulator.Start();
        camera.Host = "127.0.0.1";
        camera.RtspPort = Simulator.RtspPort;
        camera.OnvifPort = Simulator.OnvifPort;
        Camera = camera;
        Config = TestConfig.Gateway() with { Broker = new BrokerConfig { Host = "127.0.0.1", Port = _broker.Port }, Cameras = [camera] };
        Tracker = new FaultTracker(Config.Identity, new CountingSequence(), Time);
        _uplink = new RealUplink(Config, Tracker);
        _onvif = new OnvifProbe(Time);
        var reporter = new FaultReporter(Tracker, Queue, NullLogger<FaultReporter>.Instance);
        Watcher = new CameraWatcher(Config.Cameras, new CameraProbe(_onvif), reporter, Time, NullLogger<CameraWatcher>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public CameraSimulator Simulator { get; }

    public CameraConfig Camera { get; }

    public GatewayConfig Config { get; }

    public IEventQueue Queue => _uplink.Outbox;

    public FaultTracker Tracker { get; }

    public CameraWatcher Watcher { get; }

    public TopicWatcher Cloud { get; private set; } = null!;

    /// <summary>Starts broker, cloud watcher, uplink and camera watcher, and runs the first (healthy) round.</summary>
    public static async Task<CameraRig> StartAsync(CameraConfig camera)
    {
        var rig = new CameraRig(camera);
        await rig._broker.StartAsync();
        rig.Cloud = await TopicWatcher.StartAsync(rig._broker.Port, MqttTopics.Events(rig.Config.SiteId));
        await rig._uplink.StartAsync();
        await rig.Watcher.StartAsync(CancellationToken.None);
        rig.Time.Advance(TimeSpan.Zero);
        await rig.Watcher.WhenIdleAsync();
        return rig;
    }

    /// <summary>Lets one check interval pass on the fake clock and waits for that round's real socket checks.</summary>
    public async Task RoundsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(Camera.Interval);
            await Watcher.WhenIdleAsync();
        }
    }

    /// <summary>The next event the cloud receives for this camera.</summary>
    public async Task<FaultEvent> NextEventAsync()
    {
        var message = await Cloud.NextAsync(_ => true);
        var decoded = PayloadCodec.DecodeFaultEvent(message.Payload.ToArray());
        Assert.True(decoded.IsValid, decoded.Error);
        return decoded.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Watcher.StopAsync(CancellationToken.None);
        Watcher.Dispose();
        await _uplink.DisposeAsync();

        await Cloud.DisposeAsync();
        await Simulator.DisposeAsync();
        await _broker.DisposeAsync();
    }
}

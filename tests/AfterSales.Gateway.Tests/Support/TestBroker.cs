using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Server;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// A real MQTTnet broker on a free loopback port, recording what each client published. Once started it has the
/// cloud's subscription to every site's events, as a deployed broker does, so an event is delivered, not answered
/// with "no matching subscribers" (which the gateway rightly treats as not delivered).
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly IMqttClient _cloud = new MqttClientFactory().CreateMqttClient();

    public TestBroker(int? port = null)
    {
        Port = port ?? FreePort();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.InterceptingPublishAsync += args =>
        {
            Published.Enqueue((args.ClientId, args.ApplicationMessage));
            PublishedSignal.Release();
            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    public MqttServer Server => _server;

    public ConcurrentQueue<(string ClientId, MqttApplicationMessage Message)> Published { get; } = new();

    public SemaphoreSlim PublishedSignal { get; } = new(0);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        await _server.StartAsync();
        await _cloud.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Port).WithClientId("test-cloud").Build());
        await _cloud.SubscribeAsync("aftersales/v1/sites/+/events", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);
    }

    public async ValueTask DisposeAsync()
    {
        _cloud.Dispose();
        await _server.StopAsync(new MqttServerStopOptions());
        _server.Dispose();
        PublishedSignal.Dispose();
    }
}

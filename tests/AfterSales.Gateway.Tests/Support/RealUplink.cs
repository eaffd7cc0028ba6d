using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Uplink;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// The gateway's production uplink for rigs that test a watcher end to end: the durable outbox in a
/// temporary state directory and the MQTT uplink on real time, with quick reconnects.
/// </summary>
internal sealed class RealUplink : IAsyncDisposable
{
    private readonly TempDirectory _state = new();
    private readonly MqttUplink _uplink;

    public RealUplink(GatewayConfig config, FaultTracker tracker)
    {
        Outbox = new SqliteOutbox(_state.Path, new OutboxBudget(16 * 1024 * 1024));
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), () => 0);
        var siteConfig = new SiteConfigStore(_state.Path, config.SiteId, null, TimeProvider.System, NullLogger<SiteConfigStore>.Instance);
        _uplink = new MqttUplink(
            config.UplinkSettings, Outbox, tracker, backoff, siteConfig, new ConnectionState(), new LoopHealth(TimeProvider.System), TimeProvider.System, NullLogger<MqttUplink>.Instance);
    }

    public SqliteOutbox Outbox { get; }

    public Task StartAsync() => _uplink.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _uplink.StopAsync(CancellationToken.None);
        _uplink.Dispose();
        Outbox.Dispose();
        _state.Dispose();
    }
}

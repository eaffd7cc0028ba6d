using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;

namespace AfterSales.Cloud.Tests.Presence;

/// <summary>
/// A real cloud host with its embedded broker, on a fake clock: a gateway whose heartbeats stop while its events keep
/// arriving (a burst in front of them) is still heard (service rules §2.14), and is a fault once its events stop too.
/// </summary>
public sealed class EventsAsSignsOfLifeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-presence-{Guid.NewGuid():N}.db");
    private readonly int _brokerPort = FreePorts.Next();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = CloudHost.Build(OneSiteCloud.Arguments(_dbFile, $"--Broker:Port={_brokerPort}", "--Broker:BindAddress=127.0.0.1"), _time);
        await _app.StartAsync();

        // Silence counts from when the cloud's subscription came up (§2.14a): wait for it before the clock moves.
        await OneSiteCloud.WaitSubscribedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task HeartbeatsStopWhileEventsKeepComing_NoOfflineTicket_UntilTheEventsStopToo()
    {
        var presence = _app.Services.GetRequiredService<PresenceService>();
        presence.Seen(OneSiteCloud.Gateway, OneSiteCloud.Site); // the last heartbeat heard
        using var gateway = await OneSiteCloud.ConnectGatewayAsync(_brokerPort);

        // Two minutes of events, one every 30 s, and no heartbeat: longer than the 90 s promise.
        for (var seq = 1; seq <= 4; seq++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            var stored = await OneSiteCloud.PublishAsync(gateway, OneSiteCloud.Event(seq, $"zone-{seq}", FaultState.Raised, _time.GetUtcNow()));
            Assert.Equal(MqttClientPublishReasonCode.Success, stored.ReasonCode);
            await presence.SweepAsync(default);
        }

        Assert.False(await OfflineTicketAsync(), "a gateway sending events was taken for offline");

        _time.Advance(TimeSpan.FromSeconds(90));
        await presence.SweepAsync(default);
        Assert.True(await OfflineTicketAsync(), "a gateway silent for 90 s after its last event was not taken for offline");
    }

    private async Task<bool> OfflineTicketAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
        return await db.Tickets.AnyAsync(t => t.Fault == FaultCodes.GatewayOffline && t.RestoredAt == null);
    }
}

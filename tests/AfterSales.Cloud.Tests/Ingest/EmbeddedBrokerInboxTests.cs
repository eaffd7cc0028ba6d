using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Ingest;

/// <summary>The embedded broker acknowledges an event only once it is in the inbox, and says so when it is not.</summary>
public sealed class EmbeddedBrokerInboxTests : IAsyncLifetime
{
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-inbox-host-{Guid.NewGuid():N}.db");
    private readonly int _brokerPort = FreePorts.Next();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = CloudHost.Build(OneSiteCloud.Arguments(_dbFile, $"--Broker:Port={_brokerPort}", "--Broker:BindAddress=127.0.0.1"));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task Publish_StoredOrNot_PubAckSaysWhichAndTheResentEventBecomesATicket()
    {
        using var client = await OneSiteCloud.ConnectGatewayAsync(_brokerPort);

        var first = await OneSiteCloud.PublishAsync(client, Raise(1, "zone-1"));
        Assert.Equal(MqttClientPublishReasonCode.Success, first.ReasonCode);
        Assert.True(await TicketsAsync(1), "the acknowledged event did not become a ticket");

        // The database cannot take the event: the gateway must hear "not stored" and keep it.
        await ExecuteAsync("ALTER TABLE \"IngestInbox\" RENAME TO \"IngestInboxAway\"");
        var second = Raise(2, "zone-2");
        var refused = await OneSiteCloud.PublishAsync(client, second);
        Assert.Equal(MqttClientPublishReasonCode.ImplementationSpecificError, refused.ReasonCode);

        await ExecuteAsync("ALTER TABLE \"IngestInboxAway\" RENAME TO \"IngestInbox\"");
        var resent = await OneSiteCloud.PublishAsync(client, second);
        Assert.Equal(MqttClientPublishReasonCode.Success, resent.ReasonCode);
        Assert.True(await TicketsAsync(2), "the resent event did not become a ticket");
    }


    private async Task ExecuteAsync(string sql)
    {
        await using var db = _app.Services.GetRequiredService<InboxStore>().OpenDb();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Polls (bounded) until the desk has worked the inbox into this many tickets.</summary>
    private async Task<bool> TicketsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
            if (await db.Tickets.CountAsync(t => t.SiteId == OneSiteCloud.Site) >= count)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static FaultEvent Raise(long seq, string device) => OneSiteCloud.Event(seq, device, FaultState.Raised, DateTimeOffset.UtcNow);
}

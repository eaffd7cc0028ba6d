using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>The embedded broker's limits, tried with a real MQTT client against the running host (docs/security.md, "Broker limits").</summary>
public sealed class BrokerLimitsTests
{
    [Fact]
    public async Task GuessingClientId_IsPaused_EvenForTheRightPassword()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Broker:MaxFailedLogins=3", "Broker:LoginPauseSeconds=600"] });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(host, "gw-a", "wrong-" + i)).Code);
        }

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(host, "gw-a", "secret-gw-a")).Code);
        var (other, client) = await ConnectAsync(host, "gw-c", "secret-gw-c"); // another gateway is not held up
        Assert.Equal(MqttClientConnectResultCode.Success, other);
        client?.Dispose();
    }

    [Fact]
    public async Task RefusedPublishes_ARecordPerWindow_NotARowEach_AndOversizedMessagesCloseTheConnection()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Broker:RefusalRecordSeconds=3600", "Broker:MaxPayloadBytes=1024"] });
        var (code, client) = await ConnectAsync(host, "gw-a", "secret-gw-a");
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        using (client)
        {
            for (var i = 0; i < 50; i++)
            {
                var refused = await client!.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(MqttTopics.Events("site-c")).WithPayload("{}"u8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);
            }

            await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
            Assert.Equal(1, await db.Set<AfterSales.Cloud.Ingest.RejectedMessage>().CountAsync(r => r.Topic == MqttTopics.Events("site-c")));

            // 2 KiB is no event: refused, and the gateway is disconnected.
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await client!.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(MqttTopics.Events("site-a")).WithPayload(new byte[2048]).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(MqttTopics.Events("site-a")).WithPayload("{}"u8.ToArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            });
        }
    }

    [Fact]
    public async Task ConnectionsBeyondTheCap_AreRefusedAsBusy()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Broker:MaxConnections=4"] });
        var clients = new List<IMqttClient>();
        var codes = new List<MqttClientConnectResultCode>();
        try
        {
            foreach (var (gateway, secret) in new[] { ("gw-a", "secret-gw-a"), ("gw-b", "secret-gw-b"), ("gw-c", "secret-gw-c"), ("gw-far", "secret-gw-far") })
            {
                var (code, client) = await ConnectAsync(host, gateway, secret);
                codes.Add(code);
                if (client is not null)
                {
                    clients.Add(client);
                }
            }

            // The cloud's own clients hold some of the four places; the gateways get the rest, then "busy".
            Assert.Contains(MqttClientConnectResultCode.ServerBusy, codes);
            Assert.Equal(MqttClientConnectResultCode.Success, codes[0]);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<(MqttClientConnectResultCode Code, IMqttClient? Client)> ConnectAsync(DeskHost host, string gateway, string secret)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", host.MqttPort).WithClientId(gateway).WithCredentials(gateway, secret)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build();
        try
        {
            var result = await client.ConnectAsync(options);
            return (result.ResultCode, client);
        }
        catch (Exception ex) when (ex.GetType().Name == "MqttConnectingFailedException")
        {
            client.Dispose();
            return ((MqttClientConnectResultCode)ex.GetType().GetProperty("ResultCode")!.GetValue(ex)!, null);
        }
    }
}

using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>The embedded broker's limits and the cost of a login, tried with a real MQTT client against the running host (docs/security.md, "Broker limits", "Gateway secrets").</summary>
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
    public async Task OversizedPacket_IsRefusedAtItsHeader_ConnectionClosed_WithoutAllocatingIt()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Broker:MaxPacketBytes=4096"] });
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, host.MqttPort);
        var stream = socket.GetStream();

        // A gateway logs in properly (MQTT 3.1.1 CONNECT, written by hand: no client library would send what follows)…
        await stream.WriteAsync(Connect("gw-a", "gw-a", "secret-gw-a"));
        var connack = new byte[4];
        await stream.ReadExactlyAsync(connack);
        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x00 }, connack);

        // …then announces a 200 MB publish and starts sending it.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        const int announced = 200 * 1024 * 1024;
        byte[] header = [0x30, .. VariableLength(announced)];
        await stream.WriteAsync(header);
        var closed = false;
        var chunk = new byte[16 * 1024];
        for (var sent = 0; sent < 16 * 1024 * 1024 && !closed; sent += chunk.Length)
        {
            try
            {
                await stream.WriteAsync(chunk);
                closed = socket.Client.Poll(0, System.Net.Sockets.SelectMode.SelectRead) && socket.Client.Available == 0;
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        Assert.True(closed, "the broker kept reading a packet far over Broker:MaxPacketBytes");
        var grown = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(grown < announced / 4, $"the process allocated {grown / (1024 * 1024)} MB while refusing a {announced / (1024 * 1024)} MB packet");

        // Other gateways are not affected.
        var (code, client) = await ConnectAsync(host, "gw-b", "secret-gw-b");
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        client?.Dispose();
    }

    private static byte[] Connect(string clientId, string user, string password)
    {
        byte[] body = [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0xC2, 0x00, 0x3C, .. Utf8(clientId), .. Utf8(user), .. Utf8(password)];
        return [0x10, .. VariableLength(body.Length), .. body];
    }

    private static byte[] Utf8(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }

    private static byte[] VariableLength(int length)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);
        return [.. bytes];
    }

    [Fact]
    public async Task EnrolledGatewayWithAnOldCostlyHash_StoredAtTheIssuedCostAfterItsLogin_ASeededOneKeepsItsHash()
    {
        await using var host = await DeskHost.StartAsync();
        var dbs = host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            // gw-b as enrolled before issued secrets had their own cost: its hash is the 50 000-iteration kind.
            await db.Gateways.Where(g => g.Id == "gw-b").ExecuteUpdateAsync(u => u.SetProperty(g => g.EnrolledAt, DateTimeOffset.UtcNow));
        }

        var before = await HashesAsync(dbs);
        Assert.True(GatewaySecrets.CostsMoreThanIssued(before["gw-b"]));

        foreach (var (gateway, secret) in new[] { ("gw-a", "secret-gw-a"), ("gw-b", "secret-gw-b"), ("gw-b", "secret-gw-b") })
        {
            var (code, client) = await ConnectAsync(host, gateway, secret);
            client?.Dispose();
            Assert.Equal(MqttClientConnectResultCode.Success, code);
        }

        var after = await HashesAsync(dbs);
        Assert.False(GatewaySecrets.CostsMoreThanIssued(after["gw-b"]));
        Assert.True(GatewaySecrets.Verify("secret-gw-b", after["gw-b"]));
        Assert.False(GatewaySecrets.Verify("secret-gw-a", after["gw-b"]));
        Assert.Equal(before["gw-a"], after["gw-a"]); // a person chose it: it may be guessable, so it keeps its cost
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(host, "gw-b", "wrong")).Code);
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

    private static async Task<Dictionary<string, string>> HashesAsync(IDbContextFactory<CloudDb> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Gateways.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.SecretHash, StringComparer.Ordinal);
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

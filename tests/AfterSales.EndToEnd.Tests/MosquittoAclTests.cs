using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// Mosquitto run on the password and ACL files the cloud's <c>mosquitto-files</c> command writes from its registry
/// (docs/security.md, "Mosquitto"): no anonymous client, each gateway confined to its own site, the cloud's user the
/// only writer of configs; a gateway enrolled later is let in once the files are written again, a removed one is shut out.
/// </summary>
public sealed class MosquittoAclTests
{
    [Fact]
    public async Task GeneratedFiles_ConfineEachGatewayToItsSite_AndFollowTheRegistry()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);

        // Nobody without a credential.
        // (Mosquitto answers both "not authorized".)
        Assert.NotEqual(MqttClientConnectResultCode.Success, await RefusedConnectAsync(deployment.BrokerPort, "anonymous", null, null));
        Assert.NotEqual(MqttClientConnectResultCode.Success, await RefusedConnectAsync(deployment.BrokerPort, Deployment.GatewayId, Deployment.GatewayId, "wrong-password"));

        // A second site's gateway, enrolled on the running cloud; Mosquitto knows it once the files are written again and reloaded.
        using var admin = deployment.AdminClient();
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/gateways", new { id = "gw-other", siteId = Deployment.OtherSiteId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var enrolled = await new HttpClient { BaseAddress = deployment.CloudUrl }.PostAsJsonAsync("/api/v1/enrol", new { token });
        var otherSecret = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("broker").GetProperty("password").GetString()!;
        await deployment.WriteMosquittoFilesAsync();
        await deployment.ReloadBrokerAsync();
        using var other = await ConnectAsync(deployment, "gw-other", otherSecret);

        // Gateway A may not speak for site B, nor write any config, nor read site B's config. Mosquitto answers a refused
        // publish "not authorised" and, with max_queued_messages 0 (2.0.11), also drops the connection: a client per try.
        foreach (var topic in new[] { MqttTopics.Events(Deployment.OtherSiteId), MqttTopics.Status(Deployment.OtherSiteId), MqttTopics.Heartbeat(Deployment.OtherSiteId), MqttTopics.Config(Deployment.SiteId), MqttTopics.Config(Deployment.OtherSiteId) })
        {
            using var forger = await ConnectAsync(deployment, Deployment.GatewayId, Deployment.GatewaySecret);
            var refused = await forger.PublishAsync(Message(topic, PayloadCodec.Encode(Fault(Deployment.OtherSiteId, "cam-forged", 1))));
            Assert.True(refused.ReasonCode == MqttClientPublishReasonCode.NotAuthorized, $"{topic}: {refused.ReasonCode}\n{deployment.Diagnostics()}");
        }

        using var gateway = await ConnectAsync(deployment, Deployment.GatewayId, Deployment.GatewaySecret);
        // Mosquitto grants the subscription but delivers only what the ACL lets it read. Both sites' configs are retained;
        // site B's is asked for first, so had it been delivered it would come before the gateway's own.
        var received = new List<string>();
        var own = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.ApplicationMessageReceivedAsync += e =>
        {
            lock (received)
            {
                received.Add(e.ApplicationMessage.Topic);
            }

            if (e.ApplicationMessage.Topic == MqttTopics.Config(Deployment.SiteId))
            {
                own.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await gateway.SubscribeAsync(MqttTopics.Config(Deployment.OtherSiteId), MqttQualityOfServiceLevel.AtLeastOnce);
        await gateway.SubscribeAsync(MqttTopics.Config(Deployment.SiteId), MqttQualityOfServiceLevel.AtLeastOnce);
        await own.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (received)
        {
            Assert.Equal([MqttTopics.Config(Deployment.SiteId)], received);
        }

        // The normal path still works: each gateway's own event becomes a ticket of its own site.
        Assert.True((await gateway.PublishAsync(Message(MqttTopics.Events(Deployment.SiteId), PayloadCodec.Encode(Fault(Deployment.SiteId, "cam-01", 1))))).IsSuccess);
        Assert.True((await other.PublishAsync(Message(MqttTopics.Events(Deployment.OtherSiteId), PayloadCodec.Encode(Fault(Deployment.OtherSiteId, "cam-02", 1, "gw-other"))))).IsSuccess);
        var both = await Poll.UntilAsync(async () =>
        {
            var tickets = await deployment.GetTicketsAsync();
            return tickets.Any(t => t.GetProperty("deviceId").GetString() == "cam-01" && t.GetProperty("siteId").GetString() == Deployment.SiteId)
                && tickets.Any(t => t.GetProperty("deviceId").GetString() == "cam-02" && t.GetProperty("siteId").GetString() == Deployment.OtherSiteId);
        });
        Assert.True(both, "the gateways' own events did not both become tickets.\n" + deployment.Diagnostics());
        Assert.DoesNotContain(await deployment.GetTicketsAsync(), t => t.GetProperty("deviceId").GetString() == "cam-forged");

        // Removed on the admin page: after the files are written again and reloaded, it cannot log in.
        using (var removed = await admin.DeleteAsync(new Uri("/api/v1/admin/gateways/gw-other", UriKind.Relative)))
        {
            Assert.True(removed.IsSuccessStatusCode, await removed.Content.ReadAsStringAsync());
        }

        await deployment.WriteMosquittoFilesAsync();
        await deployment.ReloadBrokerAsync();
        var shutOut = await Poll.UntilAsync(async () => await RefusedConnectAsync(deployment.BrokerPort, "gw-other-again", "gw-other", otherSecret) != MqttClientConnectResultCode.Success);
        Assert.True(shutOut, "the removed gateway could still log in.\n" + deployment.Diagnostics());
    }

    private static async Task<IMqttClient> ConnectAsync(Deployment deployment, string gatewayId, string secret)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        MqttClientConnectResult? result = null;

        // Mosquitto reads the reloaded files a moment after the signal.
        var connected = await Poll.UntilAsync(async () =>
        {
            try
            {
                result = await client.ConnectAsync(Options(deployment.BrokerPort, gatewayId, gatewayId, secret));
                return result.ResultCode == MqttClientConnectResultCode.Success;
            }
            catch (Exception ex) when (ResultCodeOf(ex) is not null)
            {
                return false;
            }
        });
        Assert.True(connected, $"{gatewayId} could not log in: {result?.ResultCode}\n{deployment.Diagnostics()}");
        return client;
    }

    private static async Task<MqttClientConnectResultCode> RefusedConnectAsync(int port, string clientId, string? user, string? password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            return (await client.ConnectAsync(Options(port, clientId, user, password))).ResultCode;
        }
        catch (Exception ex) when (ResultCodeOf(ex) is { } code)
        {
            return code;
        }
    }

    /// <summary>MQTTnet reports a refused CONNACK as an exception carrying the reason code.</summary>
    private static MqttClientConnectResultCode? ResultCodeOf(Exception ex) =>
        ex.GetType().Name == "MqttConnectingFailedException" ? (MqttClientConnectResultCode?)ex.GetType().GetProperty("ResultCode")!.GetValue(ex) : null;

    private static MqttClientOptions Options(int port, string clientId, string? user, string? password)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId).WithProtocolVersion(MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(10));
        return (user is null ? builder : builder.WithCredentials(user, password)).Build();
    }

    private static FaultEvent Fault(string siteId, string deviceId, long seq, string gatewayId = Deployment.GatewayId) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = siteId,
        GatewayId = gatewayId,
        Seq = seq,
        DeviceId = deviceId,
        DeviceKind = DeviceKind.Camera,
        Fault = "camera.offline",
        State = FaultState.Raised,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static MqttApplicationMessage Message(string topic, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}

using System.Text.Json;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.EndToEnd.Tests;

/// <summary>Cloud with its embedded broker; the broker-side checks only the embedded broker makes.</summary>
public sealed class EmbeddedBrokerTests : FaultToTicketScenario
{
    protected override bool ExternalBroker => false;

    [Fact]
    public async Task Gateway_Killed_GatewayOfflineTicketOpened()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: false);
        deployment.StartGateway();
        await deployment.WaitForGatewayConnectedAsync();

        deployment.Gateway!.Kill();

        var found = await Poll.UntilAsync(async () => (await deployment.GetTicketsAsync()).Any(t =>
            t.GetProperty("deviceId").GetString() == Deployment.GatewayId
            && t.GetProperty("fault").GetString() == "gateway.offline"));
        Assert.True(found, "no gateway.offline ticket within 60 s.\n" + deployment.Diagnostics());
    }

    [Fact]
    public async Task Gateway_KilledWithAFaultOpenAndRestartedAfterItHealed_TicketRestored()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: false);
        deployment.StartGateway();
        await deployment.Gateway!.WriteLineAsync("fault 17");
        var opened = await Poll.UntilAsync(async () => PanelTicket(await deployment.GetTicketsAsync()) is { } t && t.GetProperty("state").GetString() == "active");
        Assert.True(opened, "no panel.ac_loss ticket within 60 s.\n" + deployment.Diagnostics());

        // A cleaner pulls the plug; the panel's mains comes back before the gateway does. It starts with every
        // simulated input healthy, and must tell the cloud the fault it reported is gone.
        deployment.Gateway!.Kill();
        deployment.StartGateway();

        JsonElement? ticket = null;
        var restored = await Poll.UntilAsync(async () =>
        {
            ticket = PanelTicket(await deployment.GetTicketsAsync());
            return ticket?.GetProperty("restoredAt").ValueKind == JsonValueKind.String;
        });
        Assert.True(restored, $"the ticket was not restored after the restart.\n{ticket?.GetRawText()}\n{deployment.Diagnostics()}");
    }

    [Fact]
    public async Task GatewayClient_DuplicateAndForeignSiteEvents_OneTicketAndAclRejection()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: false);
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", deployment.BrokerPort)
            .WithClientId(Deployment.GatewayId)
            .WithCredentials(Deployment.GatewayId, Deployment.GatewaySecret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        var connect = await client.ConnectAsync(options);
        Assert.True(connect.ResultCode == MqttClientConnectResultCode.Success, $"connect: {connect.ResultCode}\n{deployment.Diagnostics()}");

        var fault = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1,
            EventId = Guid.Parse("0190a000-0000-7000-8000-000000000001"),
            SiteId = Deployment.SiteId,
            GatewayId = Deployment.GatewayId,
            Seq = 1,
            DeviceId = "cam-01",
            DeviceKind = DeviceKind.Camera,
            Fault = "camera.offline",
            State = FaultState.Raised,
            Severity = FaultSeverity.Major,
            OccurredAt = DateTimeOffset.UtcNow,
        };
        for (var i = 0; i < 2; i++)
        {
            var result = await client.PublishAsync(Message(MqttTopics.Events(Deployment.SiteId), PayloadCodec.Encode(fault)));
            Assert.True(result.IsSuccess, $"publish {i}: {result.ReasonCode}\n{deployment.Diagnostics()}");
        }

        JsonElement[] cameraTickets = [];
        var opened = await Poll.UntilAsync(async () =>
        {
            cameraTickets = [.. (await deployment.GetTicketsAsync()).Where(t => t.GetProperty("deviceId").GetString() == "cam-01")];
            return cameraTickets.Length > 0;
        });
        Assert.True(opened, "no ticket for cam-01 within 60 s.\n" + deployment.Diagnostics());

        // Let the duplicate be processed too: the ingest counters see both messages.
        var bothSeen = await Poll.UntilAsync(async () =>
        {
            var stats = await deployment.GetJsonAsync("/api/v1/ingest/stats");
            return stats.GetProperty("accepted").GetInt64() + stats.GetProperty("duplicates").GetInt64() >= 2;
        });
        Assert.True(bothSeen, "the duplicate was never processed.\n" + deployment.Diagnostics());
        cameraTickets = [.. (await deployment.GetTicketsAsync()).Where(t => t.GetProperty("deviceId").GetString() == "cam-01")];
        Assert.True(cameraTickets.Length == 1, "expected one cam-01 ticket:\n" + string.Join("\n", cameraTickets.Select(t => t.GetRawText())));
        var id = cameraTickets[0].GetProperty("id").GetInt64();
        var occurrences = await deployment.GetJsonAsync($"/api/v1/tickets/{id}/occurrences");
        Assert.True(occurrences.GetArrayLength() == 1, "expected one occurrence: " + occurrences.GetRawText());

        var foreign = fault with { EventId = Guid.Parse("0190a000-0000-7000-8000-000000000002"), SiteId = Deployment.OtherSiteId, DeviceId = "cam-02", Seq = 2 };
        var refused = await client.PublishAsync(Message(MqttTopics.Events(Deployment.OtherSiteId), PayloadCodec.Encode(foreign)));
        Assert.True(
            !refused.IsSuccess || refused.ReasonCode == MqttClientPublishReasonCode.NotAuthorized,
            $"foreign-site publish was accepted: {refused.ReasonCode}\n{deployment.Diagnostics()}");

        var rejected = await Poll.UntilAsync(async () =>
        {
            var rows = await deployment.GetJsonAsync("/api/v1/ingest/rejections");
            return rows.EnumerateArray().Any(r =>
                r.GetProperty("topic").GetString() == MqttTopics.Events(Deployment.OtherSiteId)
                && r.GetProperty("reason").GetString()!.Contains("acl", StringComparison.OrdinalIgnoreCase));
        });
        Assert.True(rejected, "no acl rejection listed.\n" + deployment.Diagnostics());
        var tickets = await deployment.GetTicketsAsync();
        Assert.DoesNotContain(tickets, t => t.GetProperty("siteId").GetString() == Deployment.OtherSiteId);

        await client.DisconnectAsync();
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static JsonElement? PanelTicket(JsonElement[] tickets) =>
        tickets.Where(t => t.GetProperty("deviceId").GetString() == "panel" && t.GetProperty("fault").GetString() == "panel.ac_loss")
            .Select(t => (JsonElement?)t).SingleOrDefault();
}

using System.Buffers;
using System.Security.Cryptography;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>The retained config a gateway receives carries the cloud's signature (docs/security.md, "Site config").</summary>
public sealed class SignedConfigTests
{
    [Fact]
    public async Task RetainedSiteConfig_IsSignedWithTheKeyTheCloudPublishes()
    {
        await using var host = await DeskHost.StartAsync();
        using var http = host.AnonymousClient(new System.Net.CookieContainer());
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(await http.GetStringAsync(new Uri("/api/v1/config-signing-key", UriKind.Relative)));

        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gateway = new MqttClientFactory().CreateMqttClient();
        gateway.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await gateway.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", host.MqttPort)
            .WithClientId("gw-a")
            .WithCredentials("gw-a", "secret-gw-a")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        await gateway.SubscribeAsync(MqttTopics.Config("site-a"));

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var payload = message.Payload.ToArray();
        var signature = message.UserProperties?.SingleOrDefault(p => p.Name == ConfigSignature.SignatureProperty)?.ReadValueAsString();

        Assert.True(ConfigSignature.Verify(payload, signature, publicKey));
        Assert.Equal(ConfigSignature.KeyId(publicKey), message.UserProperties!.Single(p => p.Name == ConfigSignature.KeyIdProperty).ReadValueAsString());
    }
}

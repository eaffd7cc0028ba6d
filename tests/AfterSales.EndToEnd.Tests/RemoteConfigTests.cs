using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The cloud's signed, retained site config reaches the gateway; a bad, unsigned, forged, replayed or far-future one never
/// replaces the running one (docs/security.md, "Site config").
/// </summary>
public sealed partial class RemoteConfigTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Gateway_CloudConfigThenBadRetainedConfig_KeepsRunningTheLastGoodOneAcrossARestart()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);
        deployment.StartGateway();
        var version = await AppliedVersionAsync(deployment);

        // A buggy cloud node publishes a newer, signed but invalid config.
        using var cloudKey = CloudKey(deployment);
        await PublishRetainedAsync(deployment.BrokerPort, Config(version + 1, "2026-11-23T12:00:00Z", heartbeatS: 0), cloudKey);
        var rejected = await Poll.UntilAsync(() => Task.FromResult(deployment.Gateway!.Output.Contains(
            $"rejected: field 'checks.heartbeatIntervalS' must be between 1 and 3600; still running version {version}", StringComparison.Ordinal)));
        Assert.True(rejected, "the bad config was not rejected.\n" + deployment.Diagnostics());
        // The status file is rewritten every second; wait for the one written after the rejection.
        var status = (ExitCode: 0, Output: string.Empty);
        var shown = await Poll.UntilAsync(async () =>
        {
            status = await deployment.GatewayStatusAsync();
            return status.Output.Contains($"site config version {version} issued", StringComparison.Ordinal);
        });
        output.WriteLine(status.Output);
        Assert.True(shown, "status does not show the running config version.\n" + status.Output);

        deployment.Gateway!.Kill();
        deployment.StartGateway();
        var reloaded = await Poll.UntilAsync(() => Task.FromResult(
            deployment.Gateway.Output.Contains($"Site config version {version} loaded from", StringComparison.Ordinal)
            && deployment.Gateway.Output.Contains("rejected: field 'checks.heartbeatIntervalS'", StringComparison.Ordinal)));
        Assert.True(reloaded, "after a restart the gateway did not run its kept config and reject the bad one again.\n" + deployment.Diagnostics());
    }

    [Fact]
    public async Task Gateway_UnsignedForgedFarFutureAndReplayedConfigs_RefusedWithTheReasonAndAGoodOneApplied()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);
        var captured = await CaptureRetainedAsync(deployment.BrokerPort);
        deployment.StartGateway();
        var version = await AppliedVersionAsync(deployment);
        using var cloudKey = CloudKey(deployment);
        var now = DateTimeOffset.UtcNow;

        // Someone with broker access but without the cloud's key: unsigned, then signed with their own key.
        await PublishRetainedAsync(deployment.BrokerPort, Config(version + 10, Iso(now)), signer: null);
        await ExpectInLogAsync(deployment, "rejected: it is not signed (no 'sig' user property)");
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await PublishRetainedAsync(deployment.BrokerPort, Config(version + 11, Iso(now)), forger);
        await ExpectInLogAsync(deployment, $"rejected: its signature does not verify with the cloud's key {ConfigSignature.KeyId(cloudKey)}; it names key {ConfigSignature.KeyId(forger)}");

        // Even with the cloud's own key, a version of 2147483647 must not pin the gateway.
        await PublishRetainedAsync(deployment.BrokerPort, Config(int.MaxValue, Iso(now)), cloudKey);
        await ExpectInLogAsync(deployment, "rejected: version 2147483647 is from the future");
        await PublishRetainedAsync(deployment.BrokerPort, Config(version + 12, Iso(now.AddDays(30))), cloudKey);
        await ExpectInLogAsync(deployment, "more than 24 h ahead of this gateway's clock");

        // A good newer one is applied; the cloud's own earlier message, replayed, is refused as older.
        await PublishRetainedAsync(deployment.BrokerPort, Config(version + 13, Iso(now)), cloudKey);
        await ExpectInLogAsync(deployment, $"Site config version {version + 13} applied");
        await RepublishAsync(deployment.BrokerPort, captured);
        await ExpectInLogAsync(deployment, $"rejected: version {version} is older than the running version {version + 13}");

        var status = await deployment.GatewayStatusAsync();
        var shown = await Poll.UntilAsync(async () =>
        {
            status = await deployment.GatewayStatusAsync();
            return status.Output.Contains($"site config version {version + 13} issued", StringComparison.Ordinal);
        });
        Assert.True(shown, "status does not show the good config's version.\n" + status.Output);
    }

    private static ECDsa CloudKey(Deployment deployment)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(deployment.CloudSigningKeyPath));
        return key;
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Config(int version, string issuedAt, int heartbeatS = 2) => $$$"""
        {"schema":"aftersales.config/1","siteId":"{{{Deployment.SiteId}}}","version":{{{version}}},
         "issuedAt":"{{{issuedAt}}}","devices":[],"checks":{"heartbeatIntervalS":{{{heartbeatS}}}}}
        """;

    private static async Task ExpectInLogAsync(Deployment deployment, string line)
    {
        var seen = await Poll.UntilAsync(() => Task.FromResult(deployment.Gateway!.Output.Contains(line, StringComparison.Ordinal)));
        Assert.True(seen, $"the gateway never logged \"{line}\".\n" + deployment.Diagnostics());
    }

    private static async Task<int> AppliedVersionAsync(Deployment deployment)
    {
        Match? applied = null;
        var found = await Poll.UntilAsync(() =>
        {
            applied = AppliedLine().Match(deployment.Gateway!.Output);
            return Task.FromResult(applied.Success);
        });
        Assert.True(found, "the gateway never applied the cloud's site config.\n" + deployment.Diagnostics());
        return int.Parse(applied!.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The retained config exactly as the cloud published it, signature and all, for a replay later.</summary>
    private static async Task<MqttApplicationMessage> CaptureRetainedAsync(int port)
    {
        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = await ConnectAsync(port);
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(MqttTopics.Config(Deployment.SiteId));
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await client.DisconnectAsync();
        return message;
    }

    private static async Task RepublishAsync(int port, MqttApplicationMessage captured)
    {
        using var client = await ConnectAsync(port);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(captured.Topic)
            .WithPayload(System.Buffers.BuffersExtensions.ToArray(captured.Payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true);
        foreach (var property in captured.UserProperties ?? [])
        {
            message.WithUserProperty(property.Name, property.ValueBuffer);
        }

        await client.PublishAsync(message.Build());
        await client.DisconnectAsync();
    }

    private static async Task PublishRetainedAsync(int port, string payload, ECDsa? signer)
    {
        using var client = await ConnectAsync(port);
        var bytes = Encoding.UTF8.GetBytes(payload);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Config(Deployment.SiteId))
            .WithPayload(bytes)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true);
        if (signer is not null)
        {
            message.WithUserProperty(ConfigSignature.SignatureProperty, Encoding.UTF8.GetBytes(ConfigSignature.Sign(bytes, signer)).AsMemory())
                .WithUserProperty(ConfigSignature.KeyIdProperty, Encoding.UTF8.GetBytes(ConfigSignature.KeyId(signer)).AsMemory());
        }

        await client.PublishAsync(message.Build());
        await client.DisconnectAsync();
    }

    private static async Task<IMqttClient> ConnectAsync(int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("operator-" + Guid.NewGuid().ToString("N")[..8])

            // Only the cloud's user may write a config on Mosquitto: these forgeries play a cloud gone wrong, or its leaked credential.
            .WithCredentials(Deployment.CloudBrokerUser, Deployment.CloudBrokerPassword)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        return client;
    }

    [GeneratedRegex(@"Site config version (\d+) applied")]
    private static partial Regex AppliedLine();
}

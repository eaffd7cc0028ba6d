using System.Text;
using System.Text.RegularExpressions;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>The cloud's retained site config reaches the gateway; a bad one never replaces the running one.</summary>
public sealed partial class RemoteConfigTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Gateway_CloudConfigThenBadRetainedConfig_KeepsRunningTheLastGoodOneAcrossARestart()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);
        deployment.StartGateway();
        var version = await AppliedVersionAsync(deployment);

        // Someone (a buggy cloud node, an operator) publishes a newer but invalid config.
        await PublishRetainedAsync(deployment.BrokerPort, $$$"""
            {"schema":"aftersales.config/1","siteId":"{{{Deployment.SiteId}}}","version":{{{version + 1}}},
             "issuedAt":"2026-11-23T12:00:00Z","devices":[],"checks":{"heartbeatIntervalS":0}}
            """);
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

    private static async Task PublishRetainedAsync(int port, string payload)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("operator-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Config(Deployment.SiteId))
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .Build());
        await client.DisconnectAsync();
    }

    [GeneratedRegex(@"Site config version (\d+) applied")]
    private static partial Regex AppliedLine();
}

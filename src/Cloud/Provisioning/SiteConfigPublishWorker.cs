using System.Text;
using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Provisioning;

/// <summary>
/// Publishes each site's config retained on <c>aftersales/v1/sites/{siteId}/config</c> at start and
/// whenever it changes (new site, changed settings or inventory), so a gateway gets the current one
/// the moment it subscribes, even after months offline. Invalid configs are never published.
/// </summary>
internal sealed partial class SiteConfigPublishWorker(
    IDbContextFactory<CloudDb> dbs,
    IOptions<BrokerOptions> broker,
    IOptionsMonitor<SiteConfigOptions> settings,
    InventoryStore inventories,
    CloudBrokerCredential credential,
    ConfigSigningKeyStore signingKey,
    TimeProvider time,
    ILogger<SiteConfigPublishWorker> log) : BackgroundService
{
    private readonly Dictionary<string, SiteConfig> _published = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var clientId = broker.Value.ClientId + "-config";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(CloudMqttOptions.Builder(broker.Value, credential, clientId).Build(), stoppingToken);
                }

                await PublishChangesAsync(client, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Retried at the next check; gateways keep running the last config they validated.
                LogFailed(log, ex.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, settings.CurrentValue.CheckForChangesSeconds)), time, stoppingToken)
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task PublishChangesAsync(IMqttClient client, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sites = await db.Sites.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        foreach (var siteId in sites)
        {
            var inventory = await inventories.ConfigAsync(siteId, ct);
            var composed = SiteConfigComposer.Compose(siteId, settings.CurrentValue, inventory?.Devices);
            if (_published.TryGetValue(siteId, out var last) && SiteConfigComposer.SameContent(last, composed))
            {
                continue;
            }

            var config = composed with { Version = SiteConfigComposer.NextVersion(last?.Version ?? 0, time.GetUtcNow()), IssuedAt = time.GetUtcNow() };
            var payload = PayloadCodec.Encode(config);
            var check = PayloadCodec.DecodeConfig(payload);
            if (check.Error is { } problem)
            {
                LogInvalid(log, siteId, problem);
                continue;
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(MqttTopics.Config(siteId))
                .WithPayload(payload)
                .WithContentType("application/json")
                .WithUserProperty(ConfigSignature.SignatureProperty, Encoding.UTF8.GetBytes(signingKey.Sign(payload)).AsMemory())
                .WithUserProperty(ConfigSignature.KeyIdProperty, Encoding.UTF8.GetBytes(signingKey.KeyId).AsMemory())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .Build();
            var result = await client.PublishAsync(message, ct);
            if (!result.IsSuccess)
            {
                LogFailed(log, $"broker refused config of site {siteId}: {result.ReasonCode}");
                continue;
            }

            _published[siteId] = config;
            LogPublished(log, siteId, config.Version, config.Devices.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site config of {SiteId} published retained: version {Version}, {DeviceCount} devices")]
    private static partial void LogPublished(ILogger logger, string siteId, int version, int deviceCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site config of {SiteId} not published, it is invalid: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string siteId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site config publishing failed, retrying at the next check: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

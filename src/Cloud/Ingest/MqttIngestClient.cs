using System.Buffers;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Telemetry;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// The cloud's subscriber on the broker (embedded or external). A message is acknowledged only
/// after it is stored — events once committed to the inbox, status once its outcome is stored — so
/// a crash mid-way means redelivery, not loss. (The embedded broker stores events itself before its
/// PUBACK and does not route them here.)
/// </summary>
internal sealed partial class MqttIngestClient(
    IOptions<BrokerOptions> options,
    CloudBrokerCredential embeddedCredential,
    IngestPipeline pipeline,
    InboxIntakeService inbox,
    InboxAcknowledgementWorker acknowledgements,
    PresenceService presence,
    TimeProvider time,
    ILogger<MqttIngestClient> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public bool IsConnected { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var connection = 0L;
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var link = Interlocked.Read(ref connection);
            if (MqttTopics.TryParse(e.ApplicationMessage.Topic, out var site, out var kind) && kind == TopicKind.Events)
            {
                // Acknowledged only after the inbox commit (see InboxAcknowledgementWorker).
                var stored = inbox.StoreAsync(e.ApplicationMessage.Topic, site, e.ApplicationMessage.Payload.ToArray(), CloudTelemetry.TraceParentOf(e.ApplicationMessage), $"broker-link-{link}", stoppingToken);
                acknowledgements.Enqueue(client, link, e, stored);
                return;
            }

            // Status and heartbeats are worked here; events get their span where the inbox applies them.
            using var span = CloudTelemetry.Start("ingest", System.Diagnostics.ActivityKind.Consumer, CloudTelemetry.TraceParentOf(e.ApplicationMessage))?.SetTag("messaging.destination.name", e.ApplicationMessage.Topic);
            try
            {
                await pipeline.HandleAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not acknowledging makes the broker deliver the message again after reconnect.
                e.ProcessingFailed = true;
                LogHandlingFailed(log, e.ApplicationMessage.Topic, ex);
                return;
            }

            // A QoS 1 status (a gateway's "online", or the last will the broker publishes for a gateway that
            // died) takes its turn behind the events that came before it, whose PUBACKs wait for the inbox
            // commit: MQTT wants PUBACKs in the order the PUBLISHes came [MQTT-4.6.0-2]. Acknowledged at once
            // (MQTTnet's default) it overtook them, and Mosquitto 2.0.11 (Debian's) then reorders what it sends
            // us: it counts every PUBACK as a free in-flight slot (lib/handle_pubackcomp.c) but moves its queued
            // messages into flight only while the acknowledged message sits among the first max_inflight_messages
            // of its in-flight list (src/database.c, db__message_delete_outgoing). A PUBACK from deeper in the
            // list leaves a free slot with messages still queued, and the next event a gateway publishes goes
            // straight into flight, ahead of every queued one (docs/ingest.md, "PUBACKs in order"). Heartbeats
            // are QoS 0: there is nothing to acknowledge.
            if (e.ApplicationMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
            {
                acknowledgements.Enqueue(client, link, e, Task.CompletedTask);
            }
        };

        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task OnDisconnected(MqttClientDisconnectedEventArgs args)
            {
                disconnected.TrySetResult();
                return Task.CompletedTask;
            }

            client.DisconnectedAsync += OnDisconnected;
            try
            {
                // Numbered before the subscription delivers anything on the new link.
                acknowledgements.Connected(Interlocked.Increment(ref connection));
                await ConnectAndSubscribeAsync(client, stoppingToken);
                presence.Listening();
                IsConnected = true;
                backoff = TimeSpan.FromSeconds(1);
                await disconnected.Task.WaitAsync(stoppingToken);
                LogDisconnected(log);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogConnectFailed(log, options.Value.Embedded ? "embedded" : options.Value.Host, backoff.TotalSeconds, ex.Message);
            }
            finally
            {
                // Heartbeats cannot reach a cloud that is off the broker: their silence is not the gateways' fault.
                presence.NotListening();
                IsConnected = false;
                client.DisconnectedAsync -= OnDisconnected;
            }

            await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }
    }

    private async Task ConnectAndSubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = CloudMqttOptions.Builder(o, embeddedCredential, o.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(24 * 3600);
        await client.ConnectAsync(builder.Build(), cancellationToken);
        var events = o.SharedSubscription ? MqttTopics.SharedAllSites(TopicKind.Events) : MqttTopics.AllSites(TopicKind.Events);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(events, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(MqttTopics.AllSites(TopicKind.Status), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(MqttTopics.AllSites(TopicKind.Heartbeat), MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        await client.SubscribeAsync(subscribe, cancellationToken);
        LogSubscribed(log, events);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest subscribed to {EventsFilter}, status and heartbeats")]
    private static partial void LogSubscribed(ILogger logger, string eventsFilter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest lost its broker connection; reconnecting")]
    private static partial void LogDisconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest cannot reach the {Broker} broker; retrying in {Seconds} s: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string broker, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to handle a message on {Topic}; it stays unacknowledged for redelivery")]
    private static partial void LogHandlingFailed(ILogger logger, string topic, Exception exception);
}

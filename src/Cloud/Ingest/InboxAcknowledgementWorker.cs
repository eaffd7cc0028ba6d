using System.Threading.Channels;
using MQTTnet;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// External broker: the cloud's session takes events at QoS 1 with manual acknowledgement. Each
/// event goes to the inbox's group commit at once (so many share a transaction), and its PUBACK
/// goes to the broker only after that commit, in the order the events came. When a commit fails
/// nothing after it is acknowledged and the link is dropped: the broker keeps the unacknowledged
/// events in the persistent session and delivers them again, in order, after the reconnect.
/// QoS 1 status messages, worked as they come, queue here too, so every PUBACK of the link goes out
/// in the order its PUBLISH came (see <see cref="MqttIngestClient"/> for the broker that reorders otherwise).
/// </summary>
internal sealed partial class InboxAcknowledgementWorker(ILogger<InboxAcknowledgementWorker> log) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private long _connection;

    /// <summary>
    /// Called after each (re)connect. A PUBACK belongs to the connection its PUBLISH came on: packet
    /// ids are reused on the next one, so what an earlier connection delivered is never acknowledged
    /// on a later one; the broker delivers it again instead.
    /// </summary>
    public void Connected(long connection) => Interlocked.Exchange(ref _connection, connection);

    /// <summary>
    /// Called from the receive handler, in the order messages arrive; returns at once so the next message joins
    /// the same commit. <paramref name="stored"/> is the inbox commit of an event, or a completed task for a
    /// message already worked (a status), which is then acknowledged once everything before it is.
    /// </summary>
    public void Enqueue(IMqttClient client, long connection, MqttApplicationMessageReceivedEventArgs message, Task stored)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.AutoAcknowledge = false;
        if (!_queue.Writer.TryWrite(new Pending(client, connection, message, stored)))
        {
            LogDropped(log, message.ApplicationMessage.Topic);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failed = -1L;
        await foreach (var pending in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            // After a failure on a connection, the rest of what it delivered waits for redelivery;
            // so does anything an earlier connection delivered.
            if (pending.Connection == failed || pending.Connection != Interlocked.Read(ref _connection))
            {
                continue;
            }

            try
            {
                await pending.Stored;
                await pending.Message.AcknowledgeAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogNotStored(log, pending.Message.ApplicationMessage.Topic, ex.Message);
                failed = pending.Connection;
                await DropAsync(pending.Client);
            }
        }
    }

    private static async Task DropAsync(IMqttClient client)
    {
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build());
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            // Already gone; the reconnect loop brings it back either way.
        }
    }

    private sealed record Pending(IMqttClient Client, long Connection, MqttApplicationMessageReceivedEventArgs Message, Task Stored);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event on {Topic} not stored ({Reason}); not acknowledged, reconnecting so the broker delivers it again")]
    private static partial void LogNotStored(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event on {Topic} arrived while stopping; left unacknowledged for redelivery")]
    private static partial void LogDropped(ILogger logger, string topic);
}

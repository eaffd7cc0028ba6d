using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Protocol.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;

namespace AfterSales.Gateway.Uplink;

/// <summary>
/// Keeps one MQTT v5 connection to the broker and drains the event queue through it, strictly in
/// order: the head event leaves the queue only after its PUBACK, and any failure drops the link,
/// waits out the backoff, reconnects and sends the same head again. The cloud deduplicates on eventId.
/// </summary>
internal sealed partial class MqttUplink(
    GatewayConfig config,
    IEventQueue queue,
    FaultTracker tracker,
    ReconnectBackoff backoff,
    TimeProvider time,
    ILogger<MqttUplink> logger) : BackgroundService
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly long _startedAt = time.GetTimestamp();
    private volatile bool _stopping;
    private TaskCompletionSource _linkLost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Endpoint => $"{config.Broker.Host}:{config.Broker.Port}";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (queue.Count > 0)
        {
            LogUnsentAtShutdown(queue.Count);
        }

        if (!_client.IsConnected)
        {
            return;
        }

        // A clean DISCONNECT discards the last will, so say "offline" ourselves first.
        _stopping = true;
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(ShutdownGrace);
        try
        {
            await _client.PublishAsync(UplinkMessages.Status(config.SiteId, Status(GatewayState.Offline)), grace.Token);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), grace.Token);
            LogDisconnected(Endpoint);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            LogShutdownUnclean(Reason(ex));
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _client.DisconnectedAsync += OnDisconnectedAsync;
        var broker = config.Broker.ToString();
        LogStarting(broker, config.GatewayId, config.SiteId);
        var heartbeats = HeartbeatLoopAsync(stoppingToken);
        try
        {
            await EventLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync says goodbye to the broker.
        }

        await heartbeats;
    }

    private async Task EventLoopAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var failure = _client.IsConnected ? null : await ConnectAsync(ct);
            failure ??= await PublishQueuedAsync(ct);
            if (failure is null)
            {
                // Only a link that carried traffic resets the backoff, so a broker that accepts and
                // then drops us at once is retried ever more slowly instead of in a tight loop.
                backoff.Reset();

                // Idle until there is something to send or the link drops.
                await Task.WhenAny(queue.WaitForEventAsync(ct), _linkLost.Task);
                if (_client.IsConnected || ct.IsCancellationRequested)
                {
                    continue;
                }

                failure = "the connection dropped";
            }

            var delay = backoff.NextDelay();
            LogRetrying(Endpoint, failure, queue.Count, delay.TotalSeconds);
            await DropLinkAsync();
            await Task.Delay(delay, time, ct);
        }
    }

    /// <summary>Returns why connecting failed, or null once connected and announced online.</summary>
    private async Task<string?> ConnectAsync(CancellationToken ct)
    {
        _linkLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var result = await _client.ConnectAsync(MqttClientOptionsFactory.Create(config, time.GetUtcNow()), ct);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return $"broker refused the connection: {result.ResultCode} {result.ReasonString}".TrimEnd();
            }

            var online = await _client.PublishAsync(UplinkMessages.Status(config.SiteId, Status(GatewayState.Online)), ct);
            if (!IsAcknowledged(online))
            {
                return $"broker rejected the online status: {online.ReasonCode}";
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            return Reason(ex);
        }

        LogConnected(Endpoint, config.GatewayId, queue.Count);
        return null;
    }

    private async Task<string?> PublishQueuedAsync(CancellationToken ct)
    {
        while (queue.TryPeek(out var evt))
        {
            MqttClientPublishResult result;
            try
            {
                result = await _client.PublishAsync(UplinkMessages.Event(config.SiteId, evt), ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                return $"publishing seq {evt.Seq} failed: {Reason(ex)}";
            }

            if (!IsAcknowledged(result))
            {
                return $"broker rejected seq {evt.Seq}: {result.ReasonCode} {result.ReasonString}".TrimEnd();
            }

            queue.RemoveHead(evt);
            var state = FaultStateNames.Of(evt.State);
            LogPublished(evt.Fault, state, evt.Seq, evt.DeviceId, evt.EventId);
        }

        return null;
    }

    private async Task DropLinkAsync()
    {
        // Without a DISCONNECT packet the broker publishes our last will, which is the truth: we are not reachable.
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            // The link is already gone; the reconnect below starts from scratch either way.
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected && !_stopping)
        {
            var reason = args.Exception is null ? args.Reason.ToString() : $"{args.Reason}, {Reason(args.Exception)}";
            LogLinkLost(Endpoint, reason);
        }

        _linkLost.TrySetResult();
        return Task.CompletedTask;
    }

    private GatewayStatus Status(GatewayState state) => new()
    {
        State = state,
        GatewayId = config.GatewayId,
        Version = GatewayVersion.Current,
        At = time.GetUtcNow(),
    };

    // MQTT v5 reason codes below 0x80 are successes; "no matching subscribers" still means the broker took it.
    private static bool IsAcknowledged(MqttClientPublishResult result) => (int)result.ReasonCode < 0x80;

    private static string Reason(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        // The innermost message is the one an operator can act on ("Connection refused"), not the wrapper's.
        return inner.Message;
    }
}

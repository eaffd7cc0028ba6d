using System.Buffers;
using System.Security.Authentication;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Identity;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Telemetry;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Uplink;

/// <summary>
/// Keeps one MQTT v5 connection (persistent session) to the broker and drains the outbox through it
/// in order: a window of events goes out, each leaves the outbox only after its PUBACK, and any
/// failure drops the link, waits out the backoff, reconnects and resends from the first
/// unacknowledged event. The cloud deduplicates on eventId. Policy (backoff, window) lives in
/// <see cref="ReconnectBackoff"/> and <see cref="PublishWindow"/>; this class only does the I/O.
/// </summary>
internal sealed partial class MqttUplink(
    UplinkSettings config,
    IUplinkOutbox outbox,
    FaultTracker tracker,
    ReconnectBackoff backoff,
    SiteConfigStore siteConfig,
    ConnectionState connection,
    LoopHealth health,
    TimeProvider time,
    ILogger<MqttUplink> logger) : BackgroundService
{
    public const string LoopName = "uplink";

    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly PublishWindow _window = new(config.Broker.MaxInFlight);
    private readonly long _startedAt = time.GetTimestamp();
    private volatile bool _stopping;
    private TaskCompletionSource _linkLost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string Endpoint => $"{config.Broker.Host}:{config.Broker.Port}";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        outbox.Flush();
        if (outbox.Count > 0)
        {
            LogUnsentAtShutdown(outbox.Count, outbox.FilePath);
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
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        // Waiting for the broker's answer the loop cannot beat; that wait is bounded (BrokerAsync), a longer silence is a hang.
        health.Register(LoopName, LoopHealth.IdleBeat * 3 + MqttClientOptionsFactory.CommunicationTimeout);
        var broker = config.Broker.ToString();
        LogStarting(broker, config.GatewayId, config.SiteId);
        var heartbeats = HeartbeatLoopAsync(stoppingToken);
        try
        {
            await EventLoopAsync(stoppingToken);
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or MqttCommunicationException)
        {
            // Shutting down (a publish cut short reports a timeout); the outbox still holds it, StopAsync says goodbye.
        }

        await heartbeats;
    }

    private async Task EventLoopAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            health.Beat(LoopName);
            string? failure;
            try
            {
                failure = _client.IsConnected ? null : await ConnectAsync(ct);
                failure ??= await PublishBacklogAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // A gateway in a cupboard must not stop reporting over a surprise: log it, reconnect, resend.
                LogUnexpected(ex);
                failure = Reason(ex);
            }
            if (failure is null)
            {
                // Only a link that carried traffic resets the backoff, so a broker that accepts and
                // then drops us at once is retried ever more slowly instead of in a tight loop.
                backoff.Reset();

                // Idle until there is something to send or the link drops; wake regularly to prove the loop alive.
                await Task.WhenAny(outbox.WaitForEntriesAsync(ct), _linkLost.Task, Task.Delay(LoopHealth.IdleBeat, time, ct));
                if (_client.IsConnected || ct.IsCancellationRequested)
                {
                    // MQTTnet raises DisconnectedAsync on a task of its own after the link is already down, so a late
                    // event for an earlier link can land on this one's signal. Left set, it would end every wait at once
                    // and spin this loop until the next disconnect; a real drop that slips past is seen at the next beat.
                    if (_linkLost.Task.IsCompleted)
                    {
                        _linkLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    continue;
                }

                failure = "the connection dropped";
            }

            var delay = backoff.NextDelay();
            GatewayMetrics.Reconnecting();
            connection.Disconnected(time.GetUtcNow(), failure);
            LogRetrying(Endpoint, failure, outbox.Count, delay.TotalSeconds);
            await DropLinkAsync();
            await health.WaitAliveAsync(LoopName, delay, ct);
        }
    }

    /// <summary>Returns why connecting failed, or null once connected, subscribed to config and announced online.</summary>
    private async Task<string?> ConnectAsync(CancellationToken ct)
    {
        _linkLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var options = MqttClientOptionsFactory.Create(config, time.GetUtcNow());
            var result = await BrokerAsync("CONNACK", t => _client.ConnectAsync(options, t), ct);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return $"broker refused the connection: {result.ResultCode} {result.ReasonString}".TrimEnd();
            }

            _window.BrokerAllows(result.ReceiveMaximum ?? 0);
            var subscribed = await BrokerAsync(
                "SUBACK", t => _client.SubscribeAsync(MqttTopics.Config(config.SiteId), MqttQualityOfServiceLevel.AtLeastOnce, t), ct);
            if (subscribed.Items.FirstOrDefault()?.ResultCode is { } code && (int)code >= 0x80)
            {
                // Not fatal: events still flow; the gateway keeps running its last good site config.
                LogConfigSubscribeRefused(MqttTopics.Config(config.SiteId), code.ToString());
            }

            var status = UplinkMessages.Status(config.SiteId, Status(GatewayState.Online));
            var online = await BrokerAsync("PUBACK for the online status", t => _client.PublishAsync(status, t), ct);
            if (!IsAcknowledged(online))
            {
                return $"broker rejected the online status: {online.ReasonCode}";
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex.GetBaseException() is AuthenticationException)
        {
            return $"TLS handshake failed (check broker.caCertificate, broker.host and broker.clientCertificate): {Reason(ex)}";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            return Reason(ex);
        }

        connection.Connected(time.GetUtcNow());
        LogConnected(Endpoint, config.GatewayId, outbox.Count);
        return null;
    }

    private async Task<string?> PublishBacklogAsync(CancellationToken ct)
    {
        while (true)
        {
            health.Beat(LoopName);
            var batch = outbox.ReadBatch(_window.Size);
            if (batch.Count == 0)
            {
                outbox.Flush();
                return null;
            }

            // Started in order on one connection: MQTTnet writes them to the socket in call order.
            var pending = new Task<MqttClientPublishResult>[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var entry = batch[i];
                pending[i] = BrokerAsync("PUBACK", t => StartPublish(entry, t), ct);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var failure = await AwaitAcknowledgementAsync(pending[i], batch[i], ct);
                if (failure is not null)
                {
                    GatewayMetrics.PublishFailed();
                    Abandon(pending.AsSpan(i + 1));
                    return failure;
                }

                outbox.Acknowledge(batch[i]);
                GatewayMetrics.EventPublished(batch[i].Seq);
                LogPublished(batch[i].Topic, batch[i].Seq ?? 0, batch[i].Id);
            }
        }
    }

    /// <summary>
    /// Makes one request to the broker and waits at most <see cref="MqttClientOptionsFactory.CommunicationTimeout"/> for
    /// <paramref name="reply"/>. MQTTnet applies that timeout itself only when the token it is given cannot be cancelled,
    /// and the stop token can, so without this a reply lost on a link that stays open (a half-dead NAT path, a hung
    /// broker) would be awaited until the watchdog restarted the gateway. A timeout surfaces as a failure like a dropped
    /// link: the caller drops it, backs off and reconnects, and the outbox resends whatever was not acknowledged.
    /// Shutdown is not a timeout: when the stop token fires, its exception goes through untouched.
    /// </summary>
    /// <remarks>Runs the request before its first await, so pipelined publishes still reach the socket in call order.</remarks>
    private async Task<T> BrokerAsync<T>(string reply, Func<CancellationToken, Task<T>> request, CancellationToken ct)
    {
        // Each wait starts from a beat, so the loop is silent for at most one timeout, within its registered tolerance.
        health.Beat(LoopName);
        using var timeout = new CancellationTokenSource(MqttClientOptionsFactory.CommunicationTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await request(linked.Token);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // MQTTnet reports a wait cut short as "timed out", or while connecting as "Connection closed"; say what it was.
            throw new TimeoutException(
                $"no {reply} within {MqttClientOptionsFactory.CommunicationTimeout.TotalSeconds:0} s, so the link counts as dead");
        }
    }

    /// <summary>MQTTnet throws at once, not in the task, when the link dropped a moment ago; both mean "resend later".</summary>
    private Task<MqttClientPublishResult> StartPublish(OutboxEntry entry, CancellationToken ct)
    {
        try
        {
            return _client.PublishAsync(UplinkMessages.Entry(entry), ct);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or MqttClientNotConnectedException or InvalidOperationException)
        {
            return Task.FromException<MqttClientPublishResult>(ex);
        }
    }

    private static async Task<string?> AwaitAcknowledgementAsync(Task<MqttClientPublishResult> publish, OutboxEntry entry, CancellationToken ct)
    {
        MqttClientPublishResult result;
        try
        {
            result = await publish;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            return $"publishing seq {entry.Seq} failed: {Reason(ex)}";
        }

        return result.ReasonCode switch
        {
            _ when IsDelivered(result) => null,
            MqttClientPublishReasonCode.NoMatchingSubscribers =>
                $"broker has no subscriber for seq {entry.Seq} (PUBACK 0x10, no matching subscribers: the cloud's session is gone), so it was not delivered",
            _ => $"broker rejected seq {entry.Seq}: {result.ReasonCode} {result.ReasonString}".TrimEnd(),
        };
    }

    /// <summary>The rest of a failed window is resent after reconnecting; only observe its outcome.</summary>
    private static void Abandon(ReadOnlySpan<Task<MqttClientPublishResult>> rest)
    {
        foreach (var task in rest)
        {
            _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        if (args.ApplicationMessage.Topic == MqttTopics.Config(config.SiteId))
        {
            var properties = args.ApplicationMessage.UserProperties;
            siteConfig.Offer(new OfferedConfig(
                args.ApplicationMessage.Payload.ToArray(),
                properties?.FirstOrDefault(p => p.Name == ConfigSignature.SignatureProperty)?.ReadValueAsString(),
                properties?.FirstOrDefault(p => p.Name == ConfigSignature.KeyIdProperty)?.ReadValueAsString()));
        }

        return Task.CompletedTask;
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

    // MQTT v5 reason codes below 0x80 are successes: the broker took the message (for the retained status, enough).
    private static bool IsAcknowledged(MqttClientPublishResult result) => (int)result.ReasonCode < 0x80;

    /// <summary>
    /// An event counts as delivered only when the broker had someone to give it to. "No matching subscribers" (0x10)
    /// means a broker that forgot the cloud's persistent session dropped it: it stays in the outbox and is resent
    /// after the backoff, so a fault is never swallowed.
    /// </summary>
    private static bool IsDelivered(MqttClientPublishResult result) =>
        IsAcknowledged(result) && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers;

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

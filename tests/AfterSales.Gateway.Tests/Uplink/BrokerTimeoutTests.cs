using System.Buffers;
using System.Collections.Concurrent;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Uplink;

/// <summary>
/// A broker that takes a request and never answers it, on a link that stays open (a hung broker, a half-dead NAT
/// path). MQTTnet bounds a wait only when its token cannot be cancelled, and the uplink's can; so the uplink bounds
/// each wait itself on its injected clock, then treats the silence as a dropped link: reconnects and resends, and the
/// event stays in the outbox until a PUBACK says it arrived.
/// </summary>
public sealed class BrokerTimeoutTests : IDisposable
{
    private const string GatewayId = "gw-001";

    private readonly TempDirectory _state = new();
    private readonly SqliteOutbox _outbox;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public BrokerTimeoutTests() => _outbox = new SqliteOutbox(_state.Path, new OutboxBudget(1024 * 1024));

    public void Dispose()
    {
        _outbox.Dispose();
        _state.Dispose();
    }

    [Theory]
    [InlineData("CONNACK")]
    [InlineData("SUBACK")]
    [InlineData("PUBACK")]
    public async Task Uplink_BrokerNeverAnswers_GivesUpAfterTheTimeoutReconnectsAndDeliversTheEventKeptInTheOutbox(string withheld)
    {
        await using var broker = new TestBroker();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuedWhenPublished = new ConcurrentQueue<int>();
        Withhold(broker.Server, withheld, held, release, queuedWhenPublished);
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Events("site-001"));
        var sent = OutboxEvents.Fault(1);
        _outbox.Enqueue(sent);
        var log = new ListLogger<MqttUplink>();
        using var uplink = NewUplink(broker.Port, log);

        await uplink.StartAsync(CancellationToken.None);
        try
        {
            // The broker has the request and sits on it; the clock has not moved, so the uplink is still waiting.
            await held.Task.WaitAsync(TopicWatcher.Patience);
            Assert.Equal(1, _outbox.Count);

            _time.Advance(MqttClientOptionsFactory.CommunicationTimeout);

            var delivered = PayloadCodec.DecodeFaultEvent((await cloud.NextAsync(_ => true)).Payload.ToArray()).Value!;
            Assert.Equal((sent.EventId, sent.Seq), (delivered.EventId, delivered.Seq));
            await Eventually.TrueAsync(() => _outbox.Count == 0, "the resent event's PUBACK to empty the outbox");

            // Every copy that reached the broker, the unanswered one included, found the event still in the outbox.
            Assert.Equal(withheld == "PUBACK" ? 2 : 1, queuedWhenPublished.Count);
            Assert.All(queuedWhenPublished, queued => Assert.Equal(1, queued));
            Assert.Contains(
                log.Lines,
                l => l.Contains($"Broker 127.0.0.1:{broker.Port} unavailable", StringComparison.Ordinal) &&
                     l.Contains($"no {withheld} within 10 s", StringComparison.Ordinal));
        }
        finally
        {
            await uplink.StopAsync(CancellationToken.None);
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task Uplink_StoppedWhileWaitingForTheBroker_StopsCleanlyWithoutCallingItATimeout()
    {
        await using var broker = new TestBroker();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Withhold(broker.Server, "CONNACK", held, release, new ConcurrentQueue<int>());
        await broker.StartAsync();
        _outbox.Enqueue(OutboxEvents.Fault(1));
        var log = new ListLogger<MqttUplink>();
        using var uplink = NewUplink(broker.Port, log);
        await uplink.StartAsync(CancellationToken.None);
        await held.Task.WaitAsync(TopicWatcher.Patience);

        // The stop token ends the wait, not the timeout: a shutdown, quietly, with the event kept for the next start.
        await uplink.StopAsync(CancellationToken.None);
        release.TrySetResult();

        Assert.True(uplink.ExecuteTask!.IsCompletedSuccessfully, log.All);
        Assert.DoesNotContain(log.Lines, l => l.Contains("unavailable", StringComparison.Ordinal) || l.Contains("within 10 s", StringComparison.Ordinal));
        Assert.Equal(1, _outbox.Count);
    }

    /// <summary>
    /// Holds the gateway's first CONNECT, SUBSCRIBE or event PUBLISH until <paramref name="release"/>, so its answer
    /// never comes on that connection; everything after it is answered normally.
    /// </summary>
    private void Withhold(MqttServer server, string reply, TaskCompletionSource held, TaskCompletionSource release, ConcurrentQueue<int> queuedWhenPublished)
    {
        async Task HoldFirstAsync(CancellationToken connectionGone)
        {
            if (held.TrySetResult())
            {
                // A held SUBSCRIBE or PUBLISH also ends when the broker drops that connection (the reconnect takes its session over).
                await release.Task.WaitAsync(connectionGone);
            }
        }

        switch (reply)
        {
            case "CONNACK":
                server.ValidatingConnectionAsync += args => args.ClientId == GatewayId ? HoldFirstAsync(args.CancellationToken) : Task.CompletedTask;
                break;
            case "SUBACK":
                server.InterceptingSubscriptionAsync += args => args.ClientId == GatewayId ? HoldFirstAsync(args.CancellationToken) : Task.CompletedTask;
                break;
            case "PUBACK":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reply), reply, "CONNACK, SUBACK or PUBACK");
        }

        server.InterceptingPublishAsync += args =>
        {
            if (args.ClientId != GatewayId || args.ApplicationMessage.Topic != MqttTopics.Events("site-001"))
            {
                return Task.CompletedTask;
            }

            queuedWhenPublished.Enqueue(_outbox.Count);
            return reply == "PUBACK" ? HoldFirstAsync(args.CancellationToken) : Task.CompletedTask;
        };
    }

    private MqttUplink NewUplink(int port, ListLogger<MqttUplink> log)
    {
        var config = TestConfig.Gateway() with { Broker = new BrokerConfig { Host = "127.0.0.1", Port = port } };

        // No backoff: the reconnect follows the timeout at once, and only the timeout needs the clock moved.
        var backoff = new ReconnectBackoff(TimeSpan.Zero, TimeSpan.Zero, () => 0);
        return new MqttUplink(
            config.UplinkSettings,
            _outbox,
            new FaultTracker(config.Identity, new CountingSequence(), _time),
            backoff,
            new SiteConfigStore(_state.Path, config.SiteId, null, _time, NullLogger<SiteConfigStore>.Instance),
            new ConnectionState(),
            new LoopHealth(_time),
            _time,
            log);
    }
}

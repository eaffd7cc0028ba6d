using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>A second MQTT client standing in for the cloud: subscribes and lets a test await messages.</summary>
internal sealed class TopicWatcher : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<MqttApplicationMessage> _received = Channel.CreateUnbounded<MqttApplicationMessage>();

    private TopicWatcher()
    {
        _client.ApplicationMessageReceivedAsync += args =>
        {
            _received.Writer.TryWrite(args.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    /// <param name="login">The cloud's user on a broker that refuses anonymous clients.</param>
    public static async Task<TopicWatcher> StartAsync(int port, string topicFilter, (string User, string Password)? login = null)
    {
        var watcher = new TopicWatcher();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("cloud-test-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500);
        if (login is var (user, password))
        {
            builder.WithCredentials(user, password);
        }

        var options = builder.Build();
        await watcher._client.ConnectAsync(options);
        await watcher._client.SubscribeAsync(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        return watcher;
    }

    /// <summary>The next message matching <paramref name="match"/>; others are skipped. Fails after <see cref="Patience"/>.</summary>
    public async Task<MqttApplicationMessage> NextAsync(Func<MqttApplicationMessage, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if (match(message))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}

using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Uplink;

/// <summary>The uplink against a real Mosquitto with a TLS listener, a site CA, client certificates and a password file.</summary>
public sealed class TlsUplinkTests : IDisposable
{
    private const string Password = "s3cret-Gateway-Pass!";

    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs;

    public TlsUplinkTests() => _certs = new TestCertificates(_dir);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Uplink_TlsWithSiteCaAndClientCertificate_EventAcknowledgedAndNoSecretInTheLog()
    {
        using var broker = await StartBrokerAsync();
        var log = new ListLogger<MqttUplink>();
        var config = Config(broker.Port, _certs.CaFile, Password);

        // The cloud's subscription, over the same TLS and credentials: without one the broker answers "no matching subscribers".
        using var cloud = new MqttClientFactory().CreateMqttClient();
        await cloud.ConnectAsync(MqttClientOptionsFactory.Create((config with { GatewayId = "test-cloud" }).UplinkSettings, DateTimeOffset.UtcNow));
        await cloud.SubscribeAsync(MqttTopics.Events(config.SiteId), MqttQualityOfServiceLevel.AtLeastOnce);
        var acknowledged = await RunUplinkAsync(config, log, expectAck: true);

        Assert.True(acknowledged, "the event was not acknowledged over TLS.\n" + log.All);
        Assert.Contains("Connected to broker", log.All, StringComparison.Ordinal);
        Assert.Contains("TLS on", log.All, StringComparison.Ordinal);
        AssertNoSecret(log.All);
    }

    [Fact]
    public async Task Uplink_BrokerCertificateNotFromTheSiteCa_NeverConnectsAndSaysWhy()
    {
        using var broker = await StartBrokerAsync();
        var otherCa = new TestCertificates(_dir, "other-");
        var log = new ListLogger<MqttUplink>();

        var acknowledged = await RunUplinkAsync(Config(broker.Port, otherCa.CaFile, Password), log, expectAck: false);

        Assert.False(acknowledged);
        Assert.Contains("TLS handshake failed (check broker.caCertificate, broker.host and broker.clientCertificate): The remote certificate was rejected", log.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Connected to broker", log.All, StringComparison.Ordinal);
        AssertNoSecret(log.All);
    }

    [Fact]
    public async Task Uplink_WrongPassword_RefusedWithReasonAndThePasswordNeverLogged()
    {
        using var broker = await StartBrokerAsync();
        var log = new ListLogger<MqttUplink>();

        var acknowledged = await RunUplinkAsync(Config(broker.Port, _certs.CaFile, "wrong-" + Password), log, expectAck: false);

        Assert.False(acknowledged);
        Assert.Contains("broker refused the connection: NotAuthorized", log.All, StringComparison.Ordinal);
        AssertNoSecret(log.All);
        Assert.DoesNotContain("wrong-", log.All, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigLoader_CaFileMissing_NamesTheField()
    {
        var json = $$$"""{"siteId":"s","gatewayId":"g","broker":{"host":"h","useTls":true,"caCertificate":"{{{_dir.File("nope.pem")}}}"}}""";

        var result = GatewayConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "gateway.json");

        Assert.StartsWith("gateway.json: broker.caCertificate ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigLoader_ClientCertificateWithoutKey_NamesTheMissingField()
    {
        var json = $$$"""{"siteId":"s","gatewayId":"g","broker":{"host":"h","useTls":true,"clientCertificate":"{{{_certs.ClientCertificateFile}}}"}}""";

        var result = GatewayConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "gateway.json");

        Assert.Equal("gateway.json: broker.clientKey is missing while broker.clientCertificate is set", result.Error);
    }

    private void AssertNoSecret(string log)
    {
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
        var keyBody = File.ReadAllLines(_certs.ClientKeyFile)[1];
        Assert.DoesNotContain(keyBody, log, StringComparison.Ordinal);
    }

    private async Task<MosquittoProcess> StartBrokerAsync()
    {
        var passwords = _dir.File("passwd");
        await MosquittoProcess.CreatePasswordFileAsync(passwords, ("gw-001", Password));
        return await MosquittoProcess.StartAsync(_dir, $"""
            cafile {_certs.CaFile}
            certfile {_certs.ServerCertificateFile}
            keyfile {_certs.ServerKeyFile}
            require_certificate true
            allow_anonymous false
            password_file {passwords}
            """);
    }

    private GatewayConfig Config(int port, string caFile, string password) => TestConfig.Gateway() with
    {
        StateDirectory = _dir.Path,
        Broker = new BrokerConfig
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "gw-001",
            Password = password,
            UseTls = true,
            CaCertificate = caFile,
            ClientCertificate = _certs.ClientCertificateFile,
            ClientKey = _certs.ClientKeyFile,
        },
    };

    /// <summary>Runs the uplink with one event queued until it is acknowledged, or until the uplink has failed twice.</summary>
    private async Task<bool> RunUplinkAsync(GatewayConfig config, ListLogger<MqttUplink> log, bool expectAck)
    {
        var state = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N"));
        using var outbox = new SqliteOutbox(state, new OutboxBudget(1024 * 1024));
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new ObservedOutbox(outbox);
        observed.Acknowledged += _ => acked.TrySetResult();
        outbox.Enqueue(OutboxEvents.Fault(1));
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), () => 0);
        using var uplink = new MqttUplink(
            config.UplinkSettings,
            observed,
            new FaultTracker(config.Identity, new CountingSequence(), TimeProvider.System),
            backoff,
            new SiteConfigStore(state, config.SiteId, null, TimeProvider.System, NullLogger<SiteConfigStore>.Instance),
            new ConnectionState(),
            new LoopHealth(TimeProvider.System),
            TimeProvider.System,
            log);
        await uplink.StartAsync(CancellationToken.None);
        try
        {
            if (expectAck)
            {
                return await acked.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (log.Lines.Count(l => l.Contains("unavailable", StringComparison.Ordinal)) < 2 && DateTime.UtcNow < deadline && !acked.Task.IsCompleted)
            {
                await Task.Delay(20);
            }

            return acked.Task.IsCompleted;
        }
        finally
        {
            await uplink.StopAsync(CancellationToken.None);
        }
    }
}

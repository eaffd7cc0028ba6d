using System.Net;
using System.Net.NetworkInformation;
using System.Net.Security;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AfterSales.Cloud.Broker;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// The embedded broker's TLS listener and its plain one kept on loopback, with a real MQTT client against the
/// running host and certificates made by the <c>broker-certificate</c> code (docs/security.md, "MQTT over TLS").
/// </summary>
public sealed class BrokerTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aftersales-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GatewayTrustingTheSiteCa_ConnectsOverTls_AndPublishesItsEvent()
    {
        var files = Issue("site");
        var tlsPort = FreePort();
        await using var host = await StartAsync(files, tlsPort);

        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(TlsOptions("127.0.0.1", tlsPort, Ca(files)));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        var published = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(MqttTopics.Heartbeat("site-a")).WithPayload("{}"u8.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.Success, published.ReasonCode);
    }

    [Fact]
    public async Task GatewayTrustingAnotherCa_IsRefusedAtTheHandshake()
    {
        var files = Issue("site");
        var stranger = Issue("stranger");
        var tlsPort = FreePort();
        await using var host = await StartAsync(files, tlsPort);

        using var client = new MqttClientFactory().CreateMqttClient();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(TlsOptions("127.0.0.1", tlsPort, Ca(stranger))));
        Assert.False(client.IsConnected);
        Assert.Contains("certificate", AllMessages(refused), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainMqtt_FromTheNetwork_IsRefusedByDefault_WhileTlsAndLoopbackWork()
    {
        var lan = NonLoopbackAddress();
        var files = Issue("site", lan);
        var tlsPort = FreePort();
        await using var host = await StartAsync(files, tlsPort, "Broker:BindAddress=0.0.0.0");

        // Nothing listens for plain MQTT on any address but loopback, IPv6 ones included: the password is never sent in the clear.
        foreach (var address in NonLoopbackAddresses())
        {
            using var plain = new TcpClient(address.AddressFamily);
            var error = await Assert.ThrowsAsync<SocketException>(() => plain.ConnectAsync(address, host.MqttPort));
            Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        }

        using var onLan = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await onLan.ConnectAsync(TlsOptions(lan.ToString(), tlsPort, Ca(files)))).ResultCode);

        using var onLoopback = new MqttClientFactory().CreateMqttClient();
        var loopback = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", host.MqttPort).WithClientId("gw-b").WithCredentials("gw-b", "secret-gw-b")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build();
        Assert.Equal(MqttClientConnectResultCode.Success, (await onLoopback.ConnectAsync(loopback)).ResultCode);
    }

    [Fact]
    public async Task PlainMqttOnTheNetwork_OnlyWhenTheSettingAllowsIt()
    {
        var lan = NonLoopbackAddress();
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Broker:BindAddress=0.0.0.0", "Broker:AllowPlainOnNetwork=true"] });
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(lan.ToString(), host.MqttPort).WithClientId("gw-a").WithCredentials("gw-a", "secret-gw-a")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);
    }

    [Fact]
    public async Task Enrolment_TellsTheGatewayTheTlsPortAndTheSiteCa()
    {
        var files = Issue("site");
        var tlsPort = FreePort();
        await using var host = await StartAsync(files, tlsPort);
        using var admin = await host.ClientAsync("admin");
        using var issued = await admin.PostAsJsonAsync(new Uri("/api/v1/admin/gateways", UriKind.Relative), new { id = "gw-new", siteId = "site-a" });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var token = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using var enrolled = await anonymous.PostAsJsonAsync(new Uri("/api/v1/enrol", UriKind.Relative), new { token });
        var body = await enrolled.Content.ReadAsStringAsync();
        Assert.True(enrolled.IsSuccessStatusCode, body);
        var broker = JsonDocument.Parse(body).RootElement.GetProperty("broker");
        Assert.Equal(tlsPort, broker.GetProperty("port").GetInt32());
        Assert.True(broker.GetProperty("useTls").GetBoolean());
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(files, BrokerCertificateStore.CaCertificateName))).Trim(), broker.GetProperty("caCertificatePem").GetString()!.Trim());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void IssuedKeys_AreReadableByTheOwnerOnly_AndARenewalKeepsTheCa()
    {
        var files = Issue("site");
        var ca = File.ReadAllText(Path.Combine(files, BrokerCertificateStore.CaCertificateName));
        foreach (var key in new[] { BrokerCertificateStore.CaKeyName, BrokerCertificateStore.ServerKeyName, BrokerCertificateStore.ServerPfxName })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(files, key)));
        }

        var renewed = BrokerCertificateStore.Issue(files, "site", ["broker.example"], [], 30, newCa: false, DateTimeOffset.UtcNow);
        Assert.True(renewed.KeptCa);
        Assert.Equal(ca, File.ReadAllText(Path.Combine(files, BrokerCertificateStore.CaCertificateName)));
        using var server = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(files, BrokerCertificateStore.ServerPfxName), null);
        Assert.Contains("broker.example", server.GetNameInfo(X509NameType.DnsName, false), StringComparison.Ordinal);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Ca(files));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(server), "the renewed certificate does not chain to the kept CA");
    }

    private string Issue(string name, IPAddress? extra = null)
    {
        var directory = Path.Combine(_directory, name);
        IPAddress[] addresses = extra is null ? [IPAddress.Loopback] : [IPAddress.Loopback, extra];
        using var issued = new Disposer(BrokerCertificateStore.Issue(directory, name + " CA", ["localhost"], addresses, 30, newCa: false, DateTimeOffset.UtcNow));
        return directory;
    }

    private static Task<DeskHost> StartAsync(string files, int tlsPort, params string[] extra) => DeskHost.StartAsync(new DeskHostSettings
    {
        Extra =
        [
            $"Broker:TlsCertificateFile={Path.Combine(files, BrokerCertificateStore.ServerPfxName)}",
            $"Broker:TlsCaCertificateFile={Path.Combine(files, BrokerCertificateStore.CaCertificateName)}",
            $"Broker:TlsPort={tlsPort}",
            .. extra,
        ],
    });

    private static X509Certificate2Collection Ca(string files)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(Path.Combine(files, BrokerCertificateStore.CaCertificateName));
        return collection;
    }

    /// <summary>What the gateway does (src/Gateway/Uplink/MqttClientOptionsFactory.cs): trust the site CA only, and check the name dialled.</summary>
    private static MqttClientOptions TlsOptions(string host, int port, X509Certificate2Collection ca) => new MqttClientOptionsBuilder()
        .WithTcpServer(host, port)
        .WithClientId("gw-a")
        .WithCredentials("gw-a", "secret-gw-a")
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .WithTimeout(TimeSpan.FromSeconds(10))
        .WithTlsOptions(tls => tls.UseTls().WithTargetHost(host).WithCertificateValidationHandler(args => TrustedBy(args.Certificate, args.SslPolicyErrors, ca)))
        .Build();

    private static bool TrustedBy(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2Collection ca)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static string AllMessages(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " / " + AllMessages(ex.InnerException);

    /// <summary>An address of this machine other than loopback: where a gateway on the LAN would connect.</summary>
    private static IPAddress NonLoopbackAddress()
    {
        var address = NonLoopbackAddresses().FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        Assert.True(address is not null, "this test needs a network interface with an IPv4 address other than loopback");
        return address;
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Disposer(BrokerCertificateStore.Issued issued) : IDisposable
    {
        public void Dispose()
        {
            issued.Ca.Dispose();
            issued.Server.Dispose();
        }
    }
}

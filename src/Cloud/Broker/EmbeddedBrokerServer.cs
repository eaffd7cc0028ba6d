using AfterSales.Cloud.Telemetry;
using System.Buffers;
using System.Data.Common;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Sites;
using AfterSales.Protocol.Topics;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Broker;

/// <summary>
/// The MQTT broker the cloud hosts by default. It is also the first line of the rule "a gateway
/// speaks only for its own site": each gateway logs in with its own credential, and may publish
/// only under its site's topics and subscribe only to its site's config.
/// </summary>
internal sealed partial class EmbeddedBrokerServer(
    IOptions<BrokerOptions> options,
    CloudBrokerCredential cloud,
    GatewayStore gateways,
    RejectionStore rejections,
    InboxIntakeService inbox,
    TimeProvider time,
    ILogger<EmbeddedBrokerServer> log) : IHostedService, IDisposable
{
    private const string SiteItem = "site";

    // Made at start, not in the constructor: reading the options there would fail before the start-up check names every wrong setting.
    private BrokerGuardPolicy _guard = null!;

    private MqttServer? _server;

    private X509Certificate2? _certificate;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        _guard = new BrokerGuardPolicy(o.MaxFailedLogins, TimeSpan.FromSeconds(o.LoginPauseSeconds), TimeSpan.FromSeconds(o.RefusalRecordSeconds));
        var bind = IPAddress.Parse(o.BindAddress);
        var plain = BrokerListenerPolicy.Plain(bind, o.AllowPlainOnNetwork);
        List<(IPEndPoint, X509Certificate2?)> listeners = [.. Endpoints(plain, o.Port).Select(e => (e, (X509Certificate2?)null))];
        if (o.TlsEnabled)
        {
            _certificate = BrokerCertificateStore.Load(o);
            listeners.AddRange(Endpoints(BrokerListenerPolicy.Tls(bind), o.TlsPort).Select(e => (e, (X509Certificate2?)_certificate)));
        }

        // Our listeners instead of MQTTnet's: they cap a packet's size before MQTTnet allocates it (CappedMqttTcpServer).
        var serverOptions = new MqttServerOptionsBuilder().WithPersistentSessions().Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [new CappedMqttTcpServer(listeners, o.MaxPacketBytes, log)]);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        await _server.StartAsync();
        LogStarted(log, plain.V4.Equals(IPAddress.None) ? plain.V6.ToString() : plain.V4.ToString(), o.Port);
        if (o.TlsEnabled)
        {
            LogTlsStarted(log, o.BindAddress, o.TlsPort, _certificate!.Subject, _certificate.NotAfter);
        }

        if (BrokerListenerPolicy.PlainKeptOnLoopback(bind, o.AllowPlainOnNetwork))
        {
            LogPlainOnLoopback(log, o.Port, o.BindAddress);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
        _certificate?.Dispose();
        _certificate = null;
    }

    private static IEnumerable<IPEndPoint> Endpoints((IPAddress V4, IPAddress V6) addresses, int port) =>
        new[] { addresses.V4, addresses.V6 }.Where(a => !a.Equals(IPAddress.None)).Select(a => new IPEndPoint(a, port));

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var o = options.Value;
        if (_server is not null && (await _server.GetClientsAsync()).Count >= o.MaxConnections)
        {
            LogTooManyConnections(log, e.ClientId, o.MaxConnections);
            e.ReasonCode = MqttConnectReasonCode.ServerBusy;
            return;
        }

        // A client id that keeps guessing is refused without a password hash: the check costs work on purpose.
        var now = time.GetUtcNow();
        if (!_guard.MayCheckPassword(e.ClientId, now))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }

        if (e.UserName == cloud.Username)
        {
            e.ReasonCode = e.Password == cloud.Password ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }

        // One identity per gateway: the client id must be the gateway id it logs in as.
        var gateway = e.UserName is null ? null : await gateways.FindAsync(e.UserName, CancellationToken.None);
        if (gateway is null || e.ClientId != gateway.Id || e.Password is null || !GatewaySecrets.Verify(e.Password, gateway.SecretHash))
        {
            LogRefusedLogin(log, e.ClientId, e.UserName ?? "(none)", e.RemoteEndPoint?.ToString() ?? "?");
            _guard.LoginFailed(e.ClientId, now);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }

        _guard.LoginSucceeded(e.ClientId);
        await CheaperHashAsync(gateway, e.Password);
        e.SessionItems[SiteItem] = gateway.SiteId;
        e.ReasonCode = MqttConnectReasonCode.Success;
    }

    /// <summary>
    /// An enrolled gateway's secret was issued by the cloud, so once it has been checked it is stored at the
    /// cost an issued secret needs (<see cref="GatewaySecrets.HashIssued"/>): gateways enrolled before that
    /// cost existed pay the old one at one login only. A failed write leaves the old hash, which still works.
    /// </summary>
    private async Task CheaperHashAsync(RegisteredGateway gateway, string secret)
    {
        if (gateway.EnrolledAt is null || !GatewaySecrets.CostsMoreThanIssued(gateway.SecretHash))
        {
            return;
        }

        try
        {
            await gateways.ReplaceHashAsync(gateway.Id, gateway.SecretHash, GatewaySecrets.HashIssued(secret), CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            LogRehashFailed(log, gateway.Id, ex.Message);
        }
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.SessionItems[SiteItem] is not string site)
        {
            return; // the cloud itself
        }

        var topic = e.ApplicationMessage.Topic;
        if (e.ApplicationMessage.Payload.Length > options.Value.MaxPayloadBytes)
        {
            // Not one of ours: an event is a few hundred bytes. Refused, and the connection closed.
            LogTooLarge(log, e.ClientId, site, e.ApplicationMessage.Payload.Length, options.Value.MaxPayloadBytes);
            (e.ProcessPublish, e.CloseConnection) = (false, true);
            e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
            return;
        }

        if (!MqttTopics.TryParse(topic, out var topicSite, out var kind) || topicSite != site || kind == TopicKind.Config)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;

            // A gateway stuck in a loop must not write a row per attempt: one record per client and window, with the count of the rest.
            if (_guard.RecordRefusal(e.ClientId, time.GetUtcNow(), out var suppressed))
            {
                LogRefusedPublish(log, e.ClientId, site, topic, suppressed);
                var more = suppressed > 0 ? $" ({suppressed} more refused since the last record)" : string.Empty;
                await rejections.RejectAsync(
                    topic, e.ApplicationMessage.Payload.ToArray(), "acl", $"gateway '{e.ClientId}' of site '{site}' may publish only under its own site{more}", CancellationToken.None);
            }

            return;
        }

        if (kind == TopicKind.Events)
        {
            await StoreEventAsync(e, site);
        }
    }

    /// <summary>
    /// The event is committed to the inbox before this returns, and MQTTnet sends the PUBACK only
    /// after the interceptor has finished: an acknowledged event is durable. It is not also routed
    /// to the ingest client (the inbox worker takes it from here), and a failed store answers with
    /// an error code, so the gateway keeps the event and sends it again.
    /// </summary>
    private async Task StoreEventAsync(InterceptingPublishEventArgs e, string site)
    {
        e.ProcessPublish = false;
        try
        {
            await inbox.StoreAsync(e.ApplicationMessage.Topic, site, e.ApplicationMessage.Payload.ToArray(), CloudTelemetry.TraceParentOf(e.ApplicationMessage), stream: null, e.CancellationToken);
            e.Response.ReasonCode = MqttPubAckReasonCode.Success;
        }
        catch (Exception ex)
        {
            LogNotStored(log, e.ClientId, ex.Message);
            e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
            e.Response.ReasonString = "not stored; keep the event and send it again";
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.SessionItems[SiteItem] is string site && e.TopicFilter.Topic != MqttTopics.Config(site))
        {
            LogRefusedSubscribe(log, e.ClientId, site, e.TopicFilter.Topic);
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port} (plain MQTT)")]
    private static partial void LogStarted(ILogger logger, string address, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening with TLS on {Address}:{Port}, certificate {Subject} valid until {NotAfter:u}")]
    private static partial void LogTlsStarted(ILogger logger, string address, int port, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plain MQTT on port {Port} listens on loopback only, not on {BindAddress}: gateways elsewhere connect with TLS (Broker:TlsCertificateFile), or set Broker:AllowPlainOnNetwork=true to let passwords and alarms cross the network readable")]
    private static partial void LogPlainOnLoopback(ILogger logger, int port, string bindAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused broker login of client {ClientId} as {UserName} from {Endpoint}: unknown gateway or wrong credential")]
    private static partial void LogRefusedLogin(ILogger logger, string clientId, string userName, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {GatewayId} logged in; its secret's hash could not be stored at the issued cost ({Reason}); the next login tries again")]
    private static partial void LogRehashFailed(ILogger logger, string gatewayId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused publish by gateway {ClientId} of site {SiteId} to {Topic}: a gateway may publish only under its own site ({Suppressed} more refused since the last record)")]
    private static partial void LogRefusedPublish(ILogger logger, string clientId, string siteId, string topic, int suppressed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused connection of client {ClientId}: {Max} clients are connected already (Broker:MaxConnections)")]
    private static partial void LogTooManyConnections(ILogger logger, string clientId, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Bytes}-byte publish by gateway {ClientId} of site {SiteId} and closed its connection: at most {Max} bytes (Broker:MaxPayloadBytes)")]
    private static partial void LogTooLarge(ILogger logger, string clientId, string siteId, long bytes, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event from gateway {ClientId} not stored, answered with an error so it is sent again: {Reason}")]
    private static partial void LogNotStored(ILogger logger, string clientId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused subscription by gateway {ClientId} of site {SiteId} to {Topic}")]
    private static partial void LogRefusedSubscribe(ILogger logger, string clientId, string siteId, string topic);
}

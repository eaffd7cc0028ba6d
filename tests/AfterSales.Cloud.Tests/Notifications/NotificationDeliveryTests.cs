using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Desk;
using AfterSales.Cloud.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Notifications;

/// <summary>
/// Delivery of messages to people through each channel, against real local sinks (Kestrel for the HTTP
/// providers, an SMTP sink for mail), on a real migrated database and a fake clock (docs/service-rules.md §7).
/// </summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private const string Base = "https://desk.example.com";
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);
    private SqliteTestDatabase _db = null!;
    private HttpSink _sink = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _db = await SqliteTestDatabase.CreateAsync();
        _sink = await HttpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _sink.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task WeCom_JobNotice_PostsNewsCardWhoseLinkOpensTheJobAndIsSent()
    {
        Build();
        await RouteAsync("technician:li", null, NotificationChannel.WeCom, _sink.Url("/cgi-bin/webhook/send?key=abc"));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7: zone.tamper at Bank.", "/jobs/7");

        await DeliverAsync();

        var request = Assert.Single(_sink.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/cgi-bin/webhook/send", request.Path);
        Assert.Equal("?key=abc", request.Query);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("news", (string?)request.Json["msgtype"]);
        var article = request.Json["news"]!["articles"]![0]!;
        var notice = await NotificationAsync(id);
        Assert.Equal($"{Base}/n/{notice.Token}", (string?)article["url"]);
        Assert.Contains("zone.tamper", (string?)article["description"], StringComparison.Ordinal);
        Assert.Equal(NotificationStatus.Sent, notice.Status);
        Assert.Equal(T0, notice.SentAt);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(notice.Deliveries).Status);
    }

    [Fact]
    public async Task Link_Followed_RecordsOpenedOnceAndLeadsToTheJob()
    {
        Build();
        await RouteAsync("technician:li", null, NotificationChannel.WeCom, _sink.Url("/wecom"));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");
        await DeliverAsync();
        var token = (await NotificationAsync(id)).Token!;
        _time.Advance(TimeSpan.FromMinutes(3));

        var path = await Notices.OpenAsync(token, default);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Notices.OpenAsync(token, default);

        var notice = await NotificationAsync(id);
        Assert.Equal("/jobs/7", path);
        Assert.Equal(NotificationStatus.Opened, notice.Status);
        Assert.Equal(T0 + TimeSpan.FromMinutes(3), notice.OpenedAt);
        Assert.Null(await Notices.OpenAsync("not-a-token", default));
    }

    [Fact]
    public async Task DingTalk_Signed_UrlCarriesTheTimestampAndHmacSignOfThatInstant()
    {
        Build();
        const string secret = "SEC0123456789abcdef";
        await RouteAsync("supervisor", NoticeKind.Escalation, NotificationChannel.DingTalk, _sink.Url("/robot/send?access_token=tok"), secret);
        await SendAsync("supervisor", NoticeKind.Escalation, "Ticket 9: nobody can be dispatched.");

        await DeliverAsync();

        var request = Assert.Single(_sink.Requests);
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        var timestamp = T0.ToUnixTimeMilliseconds();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        Assert.Equal("tok", query["access_token"]);
        Assert.Equal(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), query["timestamp"]);
        Assert.Equal(expected, query["sign"]);
        Assert.Equal("text", (string?)request.Json["msgtype"]);
        Assert.Equal("Ticket 9: nobody can be dispatched.", (string?)request.Json["text"]!["content"]);
    }

    [Fact]
    public async Task DingTalk_JobNotice_IsAnActionCardWithAnOpenJobButton()
    {
        Build();
        await RouteAsync("technician:li", NoticeKind.JobOffered, NotificationChannel.DingTalk, _sink.Url("/robot/send?access_token=tok"));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var card = Assert.Single(_sink.Requests).Json["actionCard"]!;
        Assert.Equal("Open job", (string?)card["singleTitle"]);
        Assert.Equal($"{Base}/n/{(await NotificationAsync(id)).Token}", (string?)card["singleURL"]);
    }

    [Fact]
    public async Task Robot_RefusesWithErrcodeOnHttp200_IsFailedWithItsReasonNotSent()
    {
        Build();
        _sink.Answer = HttpSink.Status(200, """{"errcode":310000,"errmsg":"sign not match"}""");
        await RouteAsync("supervisor", null, NotificationChannel.DingTalk, _sink.Url("/robot/send?access_token=tok"), "SECwrong");
        var id = await SendAsync("supervisor", NoticeKind.SlaBreach, "Ticket 9: SLA breached: arrival.");

        await DeliverAsync();

        var notice = await NotificationAsync(id);
        Assert.Equal(NotificationStatus.Failed, notice.Status);
        Assert.Null(notice.SentAt);
        Assert.Contains("errcode 310000: sign not match", notice.LastError, StringComparison.Ordinal);
        Assert.Single(_sink.Requests);
    }

    [Fact]
    public async Task Sms_CustomerEta_PostsToTheConfiguredProviderWithItsKey()
    {
        Build(new() { ["Notifications:Sms:Url"] = _sink.Url("/sms/send"), ["Notifications:Sms:ApiKey"] = "k-123", ["Notifications:Sms:Sign"] = "安保维保" });
        var id = await SendToAsync("customer:bank", NoticeKind.CustomerEta, "Li Wei arrives at about 14:30.", NotificationChannel.Sms, "+86 138 0000 1111");

        await DeliverAsync();

        var request = Assert.Single(_sink.Requests);
        Assert.Equal("/sms/send", request.Path);
        Assert.Equal("Bearer k-123", request.Headers["Authorization"]);
        Assert.Equal("+86 138 0000 1111", (string?)request.Json["to"]);
        Assert.Equal("Li Wei arrives at about 14:30.", (string?)request.Json["text"]);
        Assert.Equal("安保维保", (string?)request.Json["sign"]);
        Assert.Equal(NotificationStatus.Sent, (await NotificationAsync(id)).Status);
    }

    [Fact]
    public async Task WebPush_JobNotice_IsEncryptedAndVapidSignedForThePushService()
    {
        var (publicKey, privateKey) = P256KeyPair();
        Build(new() { ["Notifications:WebPush:PublicKey"] = publicKey, ["Notifications:WebPush:PrivateKey"] = privateKey });
        _sink.Answer = HttpSink.Status(201);
        await RouteAsync("technician:li", null, NotificationChannel.WebPush, Subscription(_sink.Url("/push/abc123")));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var request = Assert.Single(_sink.Requests);
        Assert.Equal("/push/abc123", request.Path);
        Assert.Equal("aes128gcm", request.Headers["Content-Encoding"]);
        Assert.StartsWith("vapid t=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains($"k={publicKey}", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("3600", request.Headers["TTL"]);
        Assert.Equal("high", request.Headers["Urgency"]);
        Assert.DoesNotContain("New job", request.Text, StringComparison.Ordinal);
        Assert.Equal(NotificationStatus.Sent, (await NotificationAsync(id)).Status);
    }

    [Fact]
    public async Task WebPush_SubscriptionGone_FailsAtOnceWithTheReason()
    {
        var (publicKey, privateKey) = P256KeyPair();
        Build(new() { ["Notifications:WebPush:PublicKey"] = publicKey, ["Notifications:WebPush:PrivateKey"] = privateKey });
        _sink.Answer = HttpSink.Status(410);
        await RouteAsync("technician:li", null, NotificationChannel.WebPush, Subscription(_sink.Url("/push/gone")));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var notice = await NotificationAsync(id);
        Assert.Equal(NotificationStatus.Failed, notice.Status);
        Assert.Contains("HTTP 410", notice.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_GoesThroughTheMailQueueToTheRelayAndTakesItsOutcome()
    {
        await using var smtp = new SmtpSink();
        Build(new() { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await RouteAsync("supervisor", null, NotificationChannel.Email, "zhang.min@example.com");
        var id = await SendAsync("supervisor", NoticeKind.Escalation, "Ticket 9: nobody can be dispatched.", "/desk/9");

        await DeliverAsync();
        Assert.Equal(NotificationStatus.Queued, (await NotificationAsync(id)).Status);
        await _services!.GetRequiredService<MailDeliveryService>().DeliverDueAsync(default);
        await DeliverAsync();

        var mail = Assert.Single(smtp.Messages);
        var notice = await NotificationAsync(id);
        Assert.Equal("Escalation", mail.Subject);
        Assert.Contains($"{Base}/n/{notice.Token}", mail.Body, StringComparison.Ordinal);
        Assert.Equal(NotificationStatus.Sent, notice.Status);
    }

    [Fact]
    public async Task Provider500_IsRetriedWithBackoffThenFailedWithTheReason_NeverSent()
    {
        Build();
        _sink.Answer = HttpSink.Status(500, "upstream broken");
        await RouteAsync("technician:li", null, NotificationChannel.WeCom, _sink.Url("/wecom"));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();
        var afterFirst = await NotificationAsync(id);
        var delivery = Assert.Single(afterFirst.Deliveries);
        Assert.Equal(NotificationStatus.Queued, afterFirst.Status);
        Assert.Equal(2, _sink.Requests.Count); // one quick HTTP retry inside the pass
        Assert.Equal(T0 + TimeSpan.FromSeconds(30), delivery.NextAttemptAt);

        _time.Advance(TimeSpan.FromSeconds(29));
        await DeliverAsync();
        Assert.Equal(2, _sink.Requests.Count); // not before its time
        _time.Advance(TimeSpan.FromSeconds(1));
        await DeliverAsync();
        _time.Advance(TimeSpan.FromSeconds(60));
        await DeliverAsync();

        var notice = await NotificationAsync(id);
        Assert.Equal(6, _sink.Requests.Count);
        Assert.Equal(NotificationStatus.Failed, notice.Status);
        Assert.Null(notice.SentAt);
        Assert.Equal(3, notice.Deliveries.Single().Attempts);
        Assert.Contains("HTTP 500", notice.LastError, StringComparison.Ordinal);
        Assert.Contains("upstream broken", notice.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderDown_IsFailedAsUnreachable()
    {
        Build(new() { ["Notifications:MaxAttempts"] = "1" });
        await RouteAsync("technician:li", null, NotificationChannel.WeCom, $"http://127.0.0.1:{FreePorts.Next()}/wecom");
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var notice = await NotificationAsync(id);
        Assert.Equal(NotificationStatus.Failed, notice.Status);
        Assert.Contains("unreachable", notice.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderHangs_IsCutOffByTheTimeoutAndRetriedLater()
    {
        Build(new() { ["Notifications:TimeoutSeconds"] = "1", ["Notifications:HttpRetries"] = "0" });
        _sink.Answer = HttpSink.Hang;
        await RouteAsync("technician:li", null, NotificationChannel.WeCom, _sink.Url("/wecom"));
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var notice = await NotificationAsync(id);
        var delivery = Assert.Single(notice.Deliveries);
        Assert.Equal(NotificationStatus.Queued, notice.Status);
        Assert.Equal(DeliveryStatus.Queued, delivery.Status);
        Assert.Contains("unreachable", delivery.LastError, StringComparison.Ordinal);
        Assert.Null(notice.SentAt);
    }

    [Fact]
    public async Task NoChannelChosen_IsFailedSoTheDispatcherSeesIt()
    {
        Build();
        var id = await SendAsync("technician:zhao", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var notice = await NotificationAsync(id);
        Assert.Equal(NotificationStatus.Failed, notice.Status);
        Assert.Equal("no channel chosen for technician:zhao (JobOffered)", notice.LastError);
    }

    [Fact]
    public async Task TwoChannels_OneFails_MessageIsSentAndTheFailureStaysVisible()
    {
        Build(new() { ["Notifications:MaxAttempts"] = "1" });
        await RouteAsync("technician:li", null, NotificationChannel.WeCom, _sink.Url("/wecom"));
        await RouteAsync("technician:li", null, NotificationChannel.Sms, "13800001111");
        var id = await SendAsync("technician:li", NoticeKind.JobOffered, "New job 7.", "/jobs/7");

        await DeliverAsync();

        var notice = await NotificationAsync(id);
        Assert.Equal(NotificationStatus.Sent, notice.Status);
        Assert.Contains("no SMS provider is configured", notice.Deliveries.Single(d => d.Channel == NotificationChannel.Sms).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_BadAddress_IsRefusedWithAClearReason()
    {
        Build();
        var store = _services!.GetRequiredService<NotificationRouteStore>();

        var webhook = await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync("default", "supervisor", null, NotificationChannel.WeCom, "not a url", null, default));
        var phone = await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync("default", "supervisor", null, NotificationChannel.Sms, "call me", null, default));
        var push = await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync("default", "technician:li", null, NotificationChannel.WebPush, "{}", null, default));

        Assert.Contains("webhook URL", webhook.Message, StringComparison.Ordinal);
        Assert.Contains("phone number", phone.Message, StringComparison.Ordinal);
        Assert.Contains("push subscription", push.Message, StringComparison.Ordinal);
        Assert.Empty(await store.RoutesAsync("default", null, default));
    }

    private NotificationService Notices => _services!.GetRequiredService<NotificationService>();

    private void Build(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Notifications:PublicBaseUrl"] = Base,
            ["Notifications:TimeoutSeconds"] = "5",
            ["Notifications:HttpRetries"] = "1",
            ["Notifications:MaxAttempts"] = "3",
            ["Notifications:FirstRetrySeconds"] = "30",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _services = DeskServices.Build(_db, _time, all);
    }

    private Task<NotificationRoute> RouteAsync(string recipient, NoticeKind? kind, NotificationChannel channel, string address, string? secret = null) =>
        _services!.GetRequiredService<NotificationRouteStore>().AddAsync("default", recipient, kind, channel, address, secret, default);

    private async Task<long> SendAsync(string recipient, NoticeKind kind, string message, string? link = null)
    {
        await using var db = await ((IDbContextFactory<CloudDb>)_db).CreateDbContextAsync();
        var notice = Notices.Send(db, recipient, kind, 7, message, link);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    private async Task<long> SendToAsync(string recipient, NoticeKind kind, string message, NotificationChannel channel, string address)
    {
        await using var db = await ((IDbContextFactory<CloudDb>)_db).CreateDbContextAsync();
        var notice = Notices.SendTo(db, recipient, kind, 7, message, channel, address);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    private Task<int> DeliverAsync() => _services!.GetRequiredService<NotificationDeliveryService>().DeliverDueAsync(default);

    private async Task<Notification> NotificationAsync(long id)
    {
        await using var db = await ((IDbContextFactory<CloudDb>)_db).CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Include(n => n.Deliveries).SingleAsync(n => n.Id == id);
    }

    /// <summary>What a browser's PushSubscription.toJSON() gives: its push endpoint and the keys to encrypt for.</summary>
    private static string Subscription(string endpoint) => new System.Text.Json.Nodes.JsonObject
    {
        ["endpoint"] = endpoint,
        ["keys"] = new System.Text.Json.Nodes.JsonObject { ["p256dh"] = P256KeyPair().PublicKey, ["auth"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)) },
    }.ToJsonString();

    private static (string PublicKey, string PrivateKey) P256KeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url.EncodeToString(p.D));
    }
}

using System.Security.Cryptography.X509Certificates;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Operations;

/// <summary>
/// Mail goes through the durable queue to a real SMTP socket: implicit TLS and STARTTLS with a
/// self-signed certificate accepted only by its pinned fingerprint, and a relay that is down.
/// </summary>
public sealed class MailQueueTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly X509Certificate2 _certificate = TestCertificate.Create();
    private SqliteTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _db.Dispose();
        _certificate.Dispose();
    }

    [Theory]
    [InlineData(SmtpSinkTls.Implicit, MailSecurity.SslOnConnect)]
    [InlineData(SmtpSinkTls.StartTls, MailSecurity.StartTls)]
    public async Task Relay_TlsWithPinnedSelfSignedCertificate_DeliversEncryptedAndMarksSent(SmtpSinkTls tls, MailSecurity security)
    {
        await using var relay = new SmtpSink(tls, _certificate);
        var (mailer, delivery) = Build(new MailOptions { Host = "127.0.0.1", Port = relay.Port, Security = security, TrustedCertificateSha256 = TestCertificate.Sha256(_certificate) });

        Assert.True(await mailer.SendAsync(new OutgoingMail(["ops@bank.example"], "Monthly report 十一月", "Attached.", Attachments: [new("r.pdf", "application/pdf", [1, 2, 3])]), default));
        Assert.Empty(relay.Messages); // queued, not sent by the caller
        Assert.Equal(1, await delivery.DeliverDueAsync(default));

        var received = Assert.Single(relay.Messages);
        Assert.True(received.OverTls);
        Assert.Equal(["ops@bank.example"], received.Recipients);
        Assert.Equal("Monthly report 十一月", received.Subject);
        Assert.Contains("r.pdf", received.Data, StringComparison.Ordinal);
        var row = await SingleAsync();
        Assert.Equal((MailStatus.Sent, 1, _time.GetUtcNow()), (row.Status, row.Attempts, row.SentAt));
    }

    [Fact]
    public async Task Relay_SelfSignedCertificateNotPinned_IsRefusedAndRetriedLater()
    {
        await using var relay = new SmtpSink(SmtpSinkTls.Implicit, _certificate);
        var (mailer, delivery) = Build(new MailOptions { Host = "127.0.0.1", Port = relay.Port, Security = MailSecurity.SslOnConnect, FirstRetrySeconds = 60 });

        await mailer.SendAsync(new OutgoingMail(["ops@bank.example"], "Report", "Body"), default);
        Assert.Equal(0, await delivery.DeliverDueAsync(default));

        Assert.Empty(relay.Messages);
        var row = await SingleAsync();
        Assert.Equal((MailStatus.Queued, 1), (row.Status, row.Attempts));
        Assert.Contains("certificate", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(_time.GetUtcNow().AddSeconds(60), row.NextAttemptAt);
    }

    [Fact]
    public async Task Relay_Down_RetriesWithDoublingBackoff_ThenFailsWithTheReason()
    {
        var (mailer, delivery) = Build(new MailOptions { Host = "127.0.0.1", Port = FreePorts.Next(), MaxAttempts = 3, FirstRetrySeconds = 60 });
        await mailer.SendAsync(new OutgoingMail(["ops@bank.example"], "Report", "Body"), default);

        await delivery.DeliverDueAsync(default);
        var first = await SingleAsync();
        _time.Advance(TimeSpan.FromSeconds(59));
        await delivery.DeliverDueAsync(default); // not due yet
        var waiting = await SingleAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await delivery.DeliverDueAsync(default);
        var second = await SingleAsync();
        _time.Advance(TimeSpan.FromSeconds(120));
        await delivery.DeliverDueAsync(default);
        var last = await SingleAsync();

        Assert.Equal((MailStatus.Queued, 1), (first.Status, first.Attempts));
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal((MailStatus.Queued, 2), (second.Status, second.Attempts));
        Assert.Equal(_time.GetUtcNow(), second.NextAttemptAt);
        Assert.Equal((MailStatus.Failed, 3, null), (last.Status, last.Attempts, last.SentAt));
        Assert.Contains("refused", last.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mailer_QueueCannotBeWritten_ReturnsFalseInsteadOfFailingTheCaller()
    {
        using var unmigrated = await SqliteTestDatabase.CreateAsync(migrate: false);
        var mailer = new MailService(unmigrated, Options.Create(new MailOptions { Host = "127.0.0.1" }), _time, NullLogger<MailService>.Instance);

        Assert.False(await mailer.SendAsync(new OutgoingMail(["ops@bank.example"], "Report", "Body"), default));
    }

    [Fact]
    public void Backoff_Doubles_AndIsCappedAtAnHour()
    {
        var first = TimeSpan.FromSeconds(60);

        Assert.Equal([60, 120, 240, 480], Enumerable.Range(1, 4).Select(a => MailBackoff.After(a, first).TotalSeconds));
        Assert.Equal(MailBackoff.Cap, MailBackoff.After(50, first));
    }

    private (MailService MailService, MailDeliveryService Delivery) Build(MailOptions options)
    {
        var o = Options.Create(options);
        return (new MailService(_db, o, _time, NullLogger<MailService>.Instance),
            new MailDeliveryService(_db, new SmtpRelayClient(o, _time), o, _time, NullLogger<MailDeliveryService>.Instance));
    }

    private async Task<QueuedMail> SingleAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Set<QueuedMail>().AsNoTracking().SingleAsync();
    }
}

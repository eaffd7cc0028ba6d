using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AfterSales.Cloud.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AfterSales.Cloud.Mail;

/// <summary>Hands one message to the configured relay over MailKit: plain, STARTTLS or implicit TLS, with timeouts.</summary>
internal sealed class SmtpRelayClient(IOptions<MailOptions> options, TimeProvider time)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        // MailKit's Timeout bounds each read and write; this bounds the whole exchange (a relay that trickles bytes).
        using var whole = new CancellationTokenSource(timeout * 3, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, whole.Token);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        if (o.TrustedCertificateSha256 is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || Matches(certificate, pinned);
        }

        var security = o.EffectiveSecurity switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => throw new InvalidOperationException($"Unhandled mail security {o.EffectiveSecurity}."),
        };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Mail:Host is not set."), o.Port, security, linked.Token);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, linked.Token);
        }

        await client.SendAsync(message, linked.Token);
        await client.DisconnectAsync(quit: true, linked.Token);
    }

    private static bool Matches(X509Certificate? certificate, string pinned)
    {
        if (certificate is null)
        {
            return false;
        }

        var actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        return string.Equals(actual, pinned.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}

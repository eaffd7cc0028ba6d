using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>A message the sink accepted: envelope recipients and the raw DATA.</summary>
internal sealed record ReceivedMail(IReadOnlyList<string> Recipients, string Data, bool OverTls = false)
{
    /// <summary>The Subject header, unfolded and with RFC 2047 encoded words decoded (the client encodes non-ASCII).</summary>
    public string Subject
    {
        get
        {
            var lines = Data.Split("\r\n");
            var start = Array.FindIndex(lines, l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
            if (start < 0)
            {
                return string.Empty;
            }

            var raw = lines[start][8..] + string.Concat(lines.Skip(start + 1).TakeWhile(l => l.StartsWith(' ') || l.StartsWith('\t')));
            return Regex.Replace(raw, @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*", m => Decode(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).Trim();
        }
    }

    /// <summary>The body of a single-part message, decoded from base64 or quoted-printable as the client sent it.</summary>
    public string Body
    {
        get
        {
            var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = Data[..split];
            var body = Data[(split + 4)..];
            if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", string.Empty, StringComparison.Ordinal)));
            }

            return headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(Regex.Replace(body.Replace("=\r\n", string.Empty, StringComparison.Ordinal), "=([0-9A-Fa-f]{2})", m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString())))
                : body;
        }
    }

    private static string Decode(string charset, string encoding, string text)
    {
        var bytes = encoding is "B" or "b"
            ? Convert.FromBase64String(text)
            : Encoding.Latin1.GetBytes(Regex.Replace(text.Replace('_', ' '), "=([0-9A-Fa-f]{2})", m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()));
        return Encoding.GetEncoding(charset).GetString(bytes);
    }
}

/// <summary>
/// A minimal SMTP server on a real loopback socket (RFC 5321; STARTTLS, RFC 3207, when asked):
/// enough for a client to deliver mail the way it would to a relay, so tests see exactly what
/// was sent. With a certificate it speaks TLS from the first byte (<see cref="SmtpSinkTls.Implicit"/>,
/// port 465 style) or offers STARTTLS and refuses mail until the client has upgraded.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly SmtpSinkTls _tls;
    private readonly X509Certificate2? _certificate;

    public SmtpSink(SmtpSinkTls tls = SmtpSinkTls.None, X509Certificate2? certificate = null)
    {
        if (tls != SmtpSinkTls.None && certificate is null)
        {
            throw new ArgumentException("TLS needs a certificate.", nameof(certificate));
        }

        (_tls, _certificate) = (tls, certificate);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        var overTls = false;
        if (_tls == SmtpSinkTls.Implicit)
        {
            stream = await SecureAsync(stream);
            overTls = true;
        }

        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO" when _tls == SmtpSinkTls.StartTls && !overTls:
                    await writer.WriteLineAsync("250-sink");
                    await writer.WriteLineAsync("250 STARTTLS");
                    break;
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 sink");
                    break;
                case "STARTTLS" when _tls == SmtpSinkTls.StartTls && !overTls:
                    await writer.WriteLineAsync("220 Ready to start TLS");
                    stream = await SecureAsync(stream);
                    (reader, writer, overTls) = (new StreamReader(stream, Encoding.ASCII), new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true }, true);
                    break;
                case "MAIL" when _tls == SmtpSinkTls.StartTls && !overTls:
                    await writer.WriteLineAsync("530 Must issue a STARTTLS command first");
                    break;
                case "MAIL":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)]);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } body && body != ".")
                    {
                        data.Append(body).Append("\r\n");
                    }

                    Messages.Enqueue(new ReceivedMail([.. recipients], data.ToString(), overTls));
                    await writer.WriteLineAsync("250 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private async Task<Stream> SecureAsync(Stream plain)
    {
        var tls = new SslStream(plain, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(_certificate!, clientCertificateRequired: false, checkCertificateRevocation: false);
        return tls;
    }
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Asks the device's RTSP server for OPTIONS, then DESCRIBE of the configured stream, on one TCP
/// connection. 200 with an SDP body passes. A 401 passes too (the server is up and guards its stream);
/// with credentials configured the DESCRIBE is repeated with Digest or Basic authorization, so a
/// missing stream behind the login is seen as well. Any other status, garbage or silence fails.
/// </summary>
internal static class RtspProbe
{
    public static async Task<CheckResult> CheckAsync(CameraConfig camera, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(camera.Timeout);
        var url = $"rtsp://{HostForUrl(camera.Host)}:{camera.RtspPort.ToString(CultureInfo.InvariantCulture)}{camera.RtspPath}";
        var session = new Session();
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(camera.Host, camera.RtspPort, timeout.Token);
            var stream = client.GetStream();

            var options = await session.AskAsync(stream, "OPTIONS", url, 1, string.Empty, timeout.Token);
            if (options.Error is not null)
            {
                return session.Result($"OPTIONS: {options.Error}");
            }

            if (options.Response!.Status is not (200 or 401))
            {
                return CheckResult.Failed($"OPTIONS answered {Status(options.Response)}");
            }

            var describe = await session.AskAsync(stream, "DESCRIBE", url, 2, "Accept: application/sdp\r\n", timeout.Token);
            if (describe.Error is not null)
            {
                return session.Result($"DESCRIBE: {describe.Error}");
            }

            if (describe.Response!.Status == 401 && camera.Username is { } user && camera.Password is { } password)
            {
                return await AuthenticatedDescribeAsync(session, stream, url, describe.Response, user, password, timeout.Token);
            }

            return Judge(describe.Response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return session.Result($"no answer within {camera.TimeoutMilliseconds} ms");
        }
        catch (SocketException ex)
        {
            return session.Result($"{ex.SocketErrorCode}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return session.Result($"connection lost: {ex.Message}");
        }
    }

    /// <summary>With credentials the check can see past the 401 to whether the stream itself is there.</summary>
    private static async Task<CheckResult> AuthenticatedDescribeAsync(
        Session session, NetworkStream stream, string url, RtspResponse challenge, string user, string password, CancellationToken cancellationToken)
    {
        var authorization = RtspAuthorization.Answer(challenge.Headers("WWW-Authenticate"), "DESCRIBE", url, user, password);
        if (authorization is null)
        {
            return CheckResult.Ok("DESCRIBE answered 401 with no authentication scheme the gateway speaks; the stream server is up");
        }

        var retry = await session.AskAsync(stream, "DESCRIBE", url, 3, $"Accept: application/sdp\r\nAuthorization: {authorization}\r\n", cancellationToken);
        if (retry.Error is not null)
        {
            return session.Result($"DESCRIBE with credentials: {retry.Error}");
        }

        return retry.Response!.Status == 401
            ? CheckResult.Ok("the stream server is up but rejected the configured username/password; the stream itself could not be checked")
            : Judge(retry.Response);
    }

    private static CheckResult Judge(RtspResponse describe)
    {
        if (describe.Status == 401)
        {
            return CheckResult.Ok("DESCRIBE answered 401: the stream server is up and asks for credentials");
        }

        if (describe.Status != 200)
        {
            return CheckResult.Failed($"DESCRIBE answered {Status(describe)}");
        }

        // The SDP must describe at least one media section, or there is nothing to play.
        return describe.Body.StartsWith("v=0", StringComparison.Ordinal) && describe.Body.Contains("\nm=", StringComparison.Ordinal)
            ? CheckResult.Ok("DESCRIBE answered 200 with a session description")
            : CheckResult.Failed("DESCRIBE answered 200 without a usable session description");
    }

    private static string Status(RtspResponse response) =>
        string.Create(CultureInfo.InvariantCulture, $"{response.Status} {response.Reason}").Trim();

    private static string HostForUrl(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    /// <summary>One request/response exchange state; remembers whether the device has said anything at all.</summary>
    private sealed class Session
    {
        private readonly byte[] _buffer = new byte[RtspResponseParser.MaxHeaderBytes + RtspResponseParser.MaxBodyBytes];

        public bool ReceivedAny { get; private set; }

        /// <summary>A failure; the device still counts as alive when it has sent any byte at all.</summary>
        public CheckResult Result(string summary) => ReceivedAny ? CheckResult.Failed(summary) : CheckResult.Silent(summary);

        public async Task<(RtspResponse? Response, string? Error)> AskAsync(
            NetworkStream stream, string method, string url, int cseq, string extraHeaders, CancellationToken cancellationToken)
        {
            var request = string.Create(CultureInfo.InvariantCulture, $"{method} {url} RTSP/1.0\r\nCSeq: {cseq}\r\nUser-Agent: AfterSales-Gateway\r\n{extraHeaders}\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);

            var filled = 0;
            while (true)
            {
                var read = await stream.ReadAsync(_buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    return (null, filled == 0 ? "connection closed without an answer" : "connection closed in the middle of the answer");
                }

                ReceivedAny = true;
                filled += read;
                switch (RtspResponseParser.TryParse(_buffer.AsSpan(0, filled), out var response, out var error))
                {
                    case RtspResponseParser.Outcome.Incomplete when filled < _buffer.Length:
                        continue;
                    case RtspResponseParser.Outcome.Incomplete:
                        return (null, "answer too long");
                    case RtspResponseParser.Outcome.Invalid:
                        return (null, error);
                    case RtspResponseParser.Outcome.Complete:
                        var echoed = response!.Header("CSeq");
                        return echoed == cseq.ToString(CultureInfo.InvariantCulture)
                            ? (response, null)
                            : (null, $"answer carries CSeq '{echoed}', expected {cseq}");
                    default:
                        throw new InvalidOperationException("Unknown parser outcome.");
                }
            }
        }
    }
}

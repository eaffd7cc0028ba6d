using System.Globalization;
using System.Net.Sockets;

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
        var connection = new DeviceConnection(DeviceResponseParser.Rtsp);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(camera.Host, camera.RtspPort, timeout.Token);
            var stream = client.GetStream();

            var options = await AskAsync(connection, stream, "OPTIONS", url, 1, string.Empty, timeout.Token);
            if (options.Error is not null)
            {
                return connection.Result($"OPTIONS: {options.Error}");
            }

            if (options.Response!.Status is not (200 or 401))
            {
                return CheckResult.Failed($"OPTIONS answered {Status(options.Response)}");
            }

            var describe = await AskAsync(connection, stream, "DESCRIBE", url, 2, "Accept: application/sdp\r\n", timeout.Token);
            if (describe.Error is not null)
            {
                return connection.Result($"DESCRIBE: {describe.Error}");
            }

            if (describe.Response!.Status == 401 && camera.Username is { } user && camera.Password is { } password)
            {
                return await AuthenticatedDescribeAsync(connection, stream, url, describe.Response, user, password, timeout.Token);
            }

            return Judge(describe.Response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return connection.Result($"no answer within {camera.TimeoutMilliseconds} ms");
        }
        catch (SocketException ex)
        {
            return connection.Result($"{ex.SocketErrorCode}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return connection.Result($"connection lost: {ex.Message}");
        }
    }

    /// <summary>With credentials the check can see past the 401 to whether the stream itself is there.</summary>
    private static async Task<CheckResult> AuthenticatedDescribeAsync(
        DeviceConnection connection, NetworkStream stream, string url, DeviceResponse challenge, string user, string password, CancellationToken cancellationToken)
    {
        var authorization = RtspAuthorization.Answer(challenge.Headers("WWW-Authenticate"), "DESCRIBE", url, user, password);
        if (authorization is null)
        {
            return CheckResult.Ok("DESCRIBE answered 401 with no authentication scheme the gateway speaks; the stream server is up");
        }

        var retry = await AskAsync(connection, stream, "DESCRIBE", url, 3, $"Accept: application/sdp\r\nAuthorization: {authorization}\r\n", cancellationToken);
        if (retry.Error is not null)
        {
            return connection.Result($"DESCRIBE with credentials: {retry.Error}");
        }

        return retry.Response!.Status == 401
            ? CheckResult.Ok("the stream server is up but rejected the configured username/password; the stream itself could not be checked")
            : Judge(retry.Response);
    }

    private static CheckResult Judge(DeviceResponse describe)
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

    private static string Status(DeviceResponse response) =>
        string.Create(CultureInfo.InvariantCulture, $"{response.Status} {response.Reason}").Trim();

    private static string HostForUrl(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    /// <summary>One RTSP request; the answer must echo its CSeq, or it belongs to another request.</summary>
    private static async Task<(DeviceResponse? Response, string? Error)> AskAsync(
        DeviceConnection connection, NetworkStream stream, string method, string url, int cseq, string extraHeaders, CancellationToken cancellationToken)
    {
        var request = string.Create(CultureInfo.InvariantCulture, $"{method} {url} RTSP/1.0\r\nCSeq: {cseq}\r\nUser-Agent: AfterSales-Gateway\r\n{extraHeaders}\r\n");
        var (response, error) = await connection.AskAsync(stream, request, cancellationToken);
        if (response is null)
        {
            return (null, error);
        }

        var echoed = response.Header("CSeq");
        return echoed == cseq.ToString(CultureInfo.InvariantCulture) ? (response, null) : (null, $"answer carries CSeq '{echoed}', expected {cseq}");
    }
}

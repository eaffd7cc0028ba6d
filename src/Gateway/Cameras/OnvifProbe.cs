using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// ONVIF <c>GetSystemDateAndTime</c> over HTTP: any HTTP answer proves the device alive, and a readable
/// UTC time gives the clock drift. ONVIF lets this call through without credentials precisely so
/// clients can check clocks before authenticating, so none are sent. One POST on a fresh connection
/// with <c>Connection: close</c>: cameras reboot and change address, so nothing is reused across rounds.
/// </summary>
internal sealed class OnvifProbe(TimeProvider time)
{
    private const string Action = "http://www.onvif.org/ver10/device/wsdl/GetSystemDateAndTime";
    private const string Envelope =
        """<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>""";

    public async Task<CheckResult> CheckAsync(CameraConfig camera, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(camera.Timeout);
        var connection = new DeviceConnection(DeviceResponseParser.Http);
        var sentAt = time.GetUtcNow();
        DeviceResponse? response;
        string? error;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(camera.Host, camera.OnvifPort, timeout.Token);
            (response, error) = await connection.AskAsync(client.GetStream(), Request(camera), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return connection.Result($"no ONVIF answer within {camera.TimeoutMilliseconds} ms");
        }
        catch (SocketException ex)
        {
            return connection.Result($"ONVIF: {ex.SocketErrorCode}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return connection.Result($"ONVIF: connection lost: {ex.Message}");
        }

        if (response is null)
        {
            return connection.Result($"ONVIF: {error}");
        }

        var receivedAt = time.GetUtcNow();
        if (!OnvifDateTimeParser.TryParse(response.Body, out var deviceUtc, out var problem))
        {
            return CheckResult.Failed(string.Create(CultureInfo.InvariantCulture, $"ONVIF answered HTTP {response.Status}: {problem}"));
        }

        // The device read its clock somewhere between sending and receiving; the midpoint halves the error.
        var drift = deviceUtc - (sentAt + ((receivedAt - sentAt) / 2));
        return CheckResult.Ok(string.Create(CultureInfo.InvariantCulture, $"device clock {deviceUtc:u}, {drift.TotalSeconds:+0;-0;0} s from the gateway")) with
        {
            ClockDrift = drift,
        };
    }

    private static string Request(CameraConfig camera)
    {
        var host = camera.Host.Contains(':', StringComparison.Ordinal) ? $"[{camera.Host}]" : camera.Host;
        return string.Create(CultureInfo.InvariantCulture,
            $"POST {camera.OnvifPath} HTTP/1.1\r\nHost: {host}:{camera.OnvifPort}\r\nContent-Type: application/soap+xml; charset=utf-8; action=\"{Action}\"\r\nContent-Length: {Encoding.UTF8.GetByteCount(Envelope)}\r\nUser-Agent: AfterSales-Gateway\r\nConnection: close\r\n\r\n{Envelope}");
    }
}

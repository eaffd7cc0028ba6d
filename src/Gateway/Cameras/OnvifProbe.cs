using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// ONVIF <c>GetSystemDateAndTime</c> over HTTP: any HTTP answer proves the device alive, and a readable
/// UTC time gives the clock drift. ONVIF lets this call through without credentials precisely so
/// clients can check clocks before authenticating, so none are sent.
/// </summary>
internal sealed class OnvifProbe(TimeProvider time) : IDisposable
{
    private const string Action = "http://www.onvif.org/ver10/device/wsdl/GetSystemDateAndTime";
    private const string Request =
        """<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>""";

    private const int MaxAnswerBytes = 256 * 1024;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        // Cameras reboot and change address; never reuse a connection across rounds.
        PooledConnectionLifetime = TimeSpan.Zero,
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        MaxResponseContentBufferSize = MaxAnswerBytes,
    };

    public async Task<CheckResult> CheckAsync(CameraConfig camera, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(camera.Timeout);
        var host = camera.Host.Contains(':', StringComparison.Ordinal) ? $"[{camera.Host}]" : camera.Host;
        var uri = new Uri($"http://{host}:{camera.OnvifPort.ToString(CultureInfo.InvariantCulture)}{camera.OnvifPath}");
        using var content = new StringContent(Request, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{Action}\"");

        var sentAt = time.GetUtcNow();
        string body;
        int status;
        try
        {
            using var response = await _http.PostAsync(uri, content, timeout.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Silent($"no ONVIF answer within {camera.TimeoutMilliseconds} ms");
        }
        catch (HttpRequestException ex)
        {
            // Includes a device that answers with something that is not HTTP, or more than the buffer allows.
            return ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                ? CheckResult.Silent($"ONVIF: {ex.Message}")
                : CheckResult.Failed($"ONVIF: {ex.Message}");
        }

        var receivedAt = time.GetUtcNow();
        if (!OnvifDateTimeParser.TryParse(body, out var deviceUtc, out var error))
        {
            return CheckResult.Failed(string.Create(CultureInfo.InvariantCulture, $"ONVIF answered HTTP {status}: {error}"));
        }

        // The device read its clock somewhere between sending and receiving; the midpoint halves the error.
        var drift = deviceUtc - (sentAt + ((receivedAt - sentAt) / 2));
        return CheckResult.Ok(string.Create(CultureInfo.InvariantCulture, $"device clock {deviceUtc:u}, {drift.TotalSeconds:+0;-0;0} s from the gateway")) with
        {
            ClockDrift = drift,
        };
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// What the HTTP channels share: the resilient client (quick retries and a timeout per attempt,
/// see <see cref="NotificationRegistration"/>) and the reading of a provider's answer. A 4xx other
/// than 429 is permanent; a 5xx, 429, timeout or refused connection is worth another pass.
/// </summary>
internal abstract class HttpNoticeClient(IHttpClientFactory http)
{
    public const string HttpClientName = "notifications";

    protected async Task<string> PostJsonAsync(Uri url, JsonNode body, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        configure?.Invoke(request);
        using var client = http.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NoticeRefusedException($"{url.Host}:{url.Port} unreachable: {ex.Message}", permanent: false);
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests;
                throw new NoticeRefusedException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(content)}", permanent);
            }

            return content;
        }
    }

    /// <summary>The robots answer HTTP 200 even when they refuse: <c>{"errcode":0}</c> is the only acceptance.</summary>
    protected static void EnsureRobotAccepted(string content, params int[] rateLimitCodes)
    {
        int? code;
        string? message;
        try
        {
            var reply = JsonNode.Parse(content);
            code = reply?["errcode"]?.GetValue<int>();
            message = reply?["errmsg"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new NoticeRefusedException($"unreadable answer: {Shorten(content)}", permanent: false);
        }

        if (code != 0)
        {
            throw new NoticeRefusedException($"errcode {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}: {message}", permanent: code is not null && !rateLimitCodes.Contains(code.Value));
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AfterSales.Gateway.Enrolment;

/// <summary>
/// Presents the one-time token to the cloud (<c>POST /api/v1/enrol</c>) and reads the grant, or the
/// cloud's reason for refusing it. JSON is read as nodes, not bound by reflection: the board build is trimmed.
/// </summary>
internal static class EnrolmentClient
{
    public static async Task<(EnrolmentGrant? Grant, string? Refusal)> EnrolAsync(Uri cloud, string token, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(30);
        var body = new JsonObject { ["token"] = token }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(cloud, "api/v1/enrol"), content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"cannot reach the cloud at {cloud}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"the cloud at {cloud} did not answer within 30 s");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? json = null;
            try
            {
                json = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON: a proxy's error page or the wrong URL; the status says enough.
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = json?["detail"]?.GetValue<string>() ?? json?["title"]?.GetValue<string>();
                return (null, detail ?? $"the cloud answered {(int)response.StatusCode} {response.ReasonPhrase} (is {cloud} the AfterSales cloud?)");
            }

            return Read(json) is { } grant ? (grant, null) : (null, "the cloud's answer is not an enrolment grant");
        }
    }

    private static EnrolmentGrant? Read(JsonNode? json)
    {
        var broker = json?["broker"];
        if (json?["gatewayId"]?.GetValue<string>() is not { } gatewayId || json["siteId"]?.GetValue<string>() is not { } siteId || broker is null
            || broker["host"]?.GetValue<string>() is not { } host || broker["password"]?.GetValue<string>() is not { } password)
        {
            return null;
        }

        return new EnrolmentGrant(
            gatewayId,
            siteId,
            json["siteName"]?.GetValue<string>() ?? siteId,
            host,
            broker["port"]?.GetValue<int>() ?? 1883,
            broker["useTls"]?.GetValue<bool>() ?? false,
            broker["username"]?.GetValue<string>() ?? gatewayId,
            password,
            broker["caCertificatePem"]?.GetValue<string>());
    }
}

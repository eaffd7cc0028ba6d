using System.Text.Json;

namespace AfterSales.Cloud.Notifications;

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives: where to push and the keys to encrypt for.</summary>
internal sealed record WebPushSubscription(Uri Endpoint, string P256dh, string Auth)
{
    /// <summary>The subscription in <paramref name="json"/>; null when it is not one.</summary>
    public static WebPushSubscription? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("endpoint", out var endpoint) || endpoint.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Object
                || !keys.TryGetProperty("p256dh", out var p256dh) || p256dh.ValueKind != JsonValueKind.String
                || !keys.TryGetProperty("auth", out var auth) || auth.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new WebPushSubscription(uri, p256dh.GetString()!, auth.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

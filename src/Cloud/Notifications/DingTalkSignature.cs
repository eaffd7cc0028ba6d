using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// The "加签" security setting of a DingTalk robot: <c>sign = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret))</c>,
/// sent URL-encoded with the millisecond timestamp. DingTalk refuses a timestamp more than an hour off.
/// </summary>
internal static class DingTalkSignature
{
    public static string Sign(string secret, long timestampMs)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, data));
    }

    public static Uri SignedUrl(string webhook, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = webhook.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri($"{webhook}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(secret, timestamp))}");
    }
}

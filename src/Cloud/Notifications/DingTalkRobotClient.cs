using System.Text.Json.Nodes;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// A DingTalk group robot: <c>POST</c> JSON to the webhook, signed (<see cref="DingTalkSignature"/>)
/// when the route has a secret. A job notice is an <c>actionCard</c> with an "Open job" button; anything else is <c>text</c>.
/// </summary>
internal sealed class DingTalkRobotClient(IHttpClientFactory http, TimeProvider time) : HttpNoticeClient(http), INoticeChannel
{
    /// <summary>130101: more than 20 messages a minute; worth another pass.</summary>
    private const int RateLimited = 130101;

    public NotificationChannel Channel => NotificationChannel.DingTalk;

    public async Task SendAsync(NoticeEnvelope notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        JsonNode body = notice.Link is null
            ? new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = notice.Text } }
            : new JsonObject
            {
                ["msgtype"] = "actionCard",
                ["actionCard"] = new JsonObject { ["title"] = notice.Title, ["text"] = notice.Text, ["singleTitle"] = "Open job", ["singleURL"] = notice.Link },
            };
        // Signed at each attempt: the timestamp must be fresh when DingTalk reads it.
        var url = string.IsNullOrEmpty(notice.Secret) ? new Uri(notice.Address) : DingTalkSignature.SignedUrl(notice.Address, notice.Secret, time.GetUtcNow());
        var content = await PostJsonAsync(url, body, null, cancellationToken);
        EnsureRobotAccepted(content, RateLimited);
    }
}

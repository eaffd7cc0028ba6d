using System.Text.Json.Nodes;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// A WeChat Work group robot: <c>POST</c> JSON to the webhook the group gave. A job notice is a
/// <c>news</c> card whose tap opens the job; anything else is <c>text</c>.
/// </summary>
internal sealed class WeComRobotClient(IHttpClientFactory http) : HttpNoticeClient(http), INoticeChannel
{
    /// <summary>45009: the robot's 20-messages-a-minute limit; worth another pass.</summary>
    private const int RateLimited = 45009;

    public NotificationChannel Channel => NotificationChannel.WeCom;

    public async Task SendAsync(NoticeEnvelope notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        JsonNode body = notice.Link is null
            ? new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = notice.Text } }
            : new JsonObject
            {
                ["msgtype"] = "news",
                ["news"] = new JsonObject
                {
                    ["articles"] = new JsonArray(new JsonObject { ["title"] = notice.Title, ["description"] = notice.Text, ["url"] = notice.Link }),
                },
            };
        var content = await PostJsonAsync(new Uri(notice.Address), body, null, cancellationToken);
        EnsureRobotAccepted(content, RateLimited);
    }
}

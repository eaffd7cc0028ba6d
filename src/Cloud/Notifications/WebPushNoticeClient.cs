using System.Net;
using System.Text.Json.Nodes;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// Web Push (RFC 8030) to the browser that subscribed, payload encrypted for it (aes128gcm, RFC 8291)
/// and the request signed with the service's VAPID key (RFC 8292). The service worker
/// (wwwroot/sw.js) shows it and opens the link when tapped.
/// </summary>
internal sealed class WebPushNoticeClient(IHttpClientFactory http, IOptions<NotificationOptions> options) : INoticeChannel
{
    public NotificationChannel Channel => NotificationChannel.WebPush;

    public async Task SendAsync(NoticeEnvelope notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var vapid = options.Value.WebPush;
        if (string.IsNullOrEmpty(vapid.PublicKey) || string.IsNullOrEmpty(vapid.PrivateKey))
        {
            throw new NoticeRefusedException("no VAPID keys are configured (Notifications:WebPush:PublicKey, PrivateKey)", permanent: true);
        }

        var target = WebPushSubscription.TryParse(notice.Address)
            ?? throw new NoticeRefusedException("the stored push subscription is not valid JSON with endpoint and keys", permanent: true);
        var subscription = new PushSubscription { Endpoint = target.Endpoint.AbsoluteUri };
        subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
        var payload = new JsonObject { ["title"] = notice.Title, ["body"] = notice.Text, ["url"] = notice.Link };
        var message = new PushMessage(payload.ToJsonString()) { Urgency = PushMessageUrgency.High, TimeToLive = 3600 };
        using var httpClient = http.CreateClient(HttpNoticeClient.HttpClientName);
        var push = new PushServiceClient(httpClient) { DefaultAuthentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = vapid.Subject } };
        try
        {
            await push.RequestPushMessageDeliveryAsync(subscription, message, cancellationToken);
        }
        catch (PushServiceClientException ex)
        {
            // 404/410: the browser unsubscribed or the subscription expired; it will not come back.
            var permanent = ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge;
            throw new NoticeRefusedException($"push service answered HTTP {(int)ex.StatusCode}: {ex.Message}", permanent);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NoticeRefusedException($"{target.Endpoint.Host}:{target.Endpoint.Port} unreachable: {ex.Message}", permanent: false);
        }
    }
}

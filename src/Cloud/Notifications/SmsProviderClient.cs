using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Notifications;

/// <summary>A text message through the configured HTTP SMS provider (<see cref="SmsProviderOptions"/>).</summary>
internal sealed class SmsProviderClient(IHttpClientFactory http, IOptions<NotificationOptions> options) : HttpNoticeClient(http), INoticeChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task SendAsync(NoticeEnvelope notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var sms = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(sms.Url))
        {
            throw new NoticeRefusedException("no SMS provider is configured (Notifications:Sms:Url)", permanent: true);
        }

        var body = new JsonObject { ["to"] = notice.Address, ["text"] = notice.Text, ["sign"] = sms.Sign };
        await PostJsonAsync(new Uri(sms.Url), body, request =>
        {
            if (!string.IsNullOrEmpty(sms.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
            }
        }, cancellationToken);
    }
}

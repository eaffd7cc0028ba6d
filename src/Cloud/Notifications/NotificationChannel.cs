using System.Text.Json.Serialization;

namespace AfterSales.Cloud.Notifications;

[JsonConverter(typeof(JsonStringEnumConverter<NotificationChannel>))]
public enum NotificationChannel
{
    /// <summary>A WeChat Work (企业微信) group robot webhook.</summary>
    WeCom,

    /// <summary>A DingTalk (钉钉) group robot webhook, signed when a secret is given.</summary>
    DingTalk,

    /// <summary>A text message through the configured HTTP SMS provider.</summary>
    Sms,

    /// <summary>E-mail through the mail queue.</summary>
    Email,

    /// <summary>Web Push to the browser (the technician's phone page) that subscribed.</summary>
    WebPush,
}

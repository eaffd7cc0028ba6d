namespace AfterSales.Cloud.Notifications;

/// <summary>The VAPID key pair the service signs Web Push requests with (base64url, P-256), and who to contact about them.</summary>
public sealed class WebPushOptions
{
    /// <summary><c>mailto:</c> or <c>https:</c> address push services may contact.</summary>
    public string Subject { get; set; } = "mailto:service@aftersales.local";

    public string? PublicKey { get; set; }

    public string? PrivateKey { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Notifications;

/// <summary>How messages to people are delivered (docs/service-rules.md §7).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The public address of this service, for the link in a job notice.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How often the worker looks for messages to route and deliver.</summary>
    [Range(1, 3600, ErrorMessage = "Notifications:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Delivery passes per message and channel (each pass itself retries quickly over HTTP) before it is marked failed.</summary>
    [Range(1, 100, ErrorMessage = "Notifications:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait after the first failed pass; doubles with each further one.</summary>
    [Range(1, 3600, ErrorMessage = "Notifications:FirstRetrySeconds must be between 1 and 3600.")]
    public int FirstRetrySeconds { get; set; } = 30;

    /// <summary>One HTTP attempt to a provider gives up after this.</summary>
    [Range(1, 120, ErrorMessage = "Notifications:TimeoutSeconds must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Quick HTTP retries inside one pass, for a blip (connection refused, 5xx, timeout).</summary>
    [Range(0, 5, ErrorMessage = "Notifications:HttpRetries must be between 0 and 5.")]
    public int HttpRetries { get; set; } = 2;

    public SmsProviderOptions Sms { get; set; } = new();

    public WebPushOptions WebPush { get; set; } = new();
}

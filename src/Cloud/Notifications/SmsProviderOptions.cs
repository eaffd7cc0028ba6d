namespace AfterSales.Cloud.Notifications;

/// <summary>
/// A generic HTTP SMS provider (or the company's own SMS relay in front of Aliyun, Tencent Cloud, …):
/// <c>POST {Url}</c> with JSON <c>{"to","text","sign"}</c> and <c>Authorization: Bearer {ApiKey}</c>; any 2xx is accepted.
/// </summary>
public sealed class SmsProviderOptions
{
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The signature name the provider puts before the text (【AfterSales】).</summary>
    public string Sign { get; set; } = "AfterSales";
}

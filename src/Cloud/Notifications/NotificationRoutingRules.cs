namespace AfterSales.Cloud.Notifications;

/// <summary>Which of a person's routes carry a message (docs/service-rules.md §7.2).</summary>
internal static class NotificationRoutingRules
{
    /// <summary>
    /// The routes chosen for this kind of message; without one, the routes chosen for every kind.
    /// So a technician can have job offers pushed and rung through DingTalk while everything else only goes to DingTalk.
    /// </summary>
    public static IReadOnlyList<NotificationRoute> Choose(IEnumerable<NotificationRoute> routesOfRecipient, NoticeKind kind)
    {
        var routes = routesOfRecipient.ToList();
        var specific = routes.Where(r => r.Kind == kind).ToList();
        return specific.Count > 0 ? specific : [.. routes.Where(r => r.Kind is null)];
    }

    /// <summary>Why an address cannot carry messages through a channel; null when it can.</summary>
    public static string? Refuse(NotificationChannel channel, string? address) => channel switch
    {
        _ when string.IsNullOrWhiteSpace(address) => "An address is required.",
        NotificationChannel.WeCom or NotificationChannel.DingTalk when !IsWebUrl(address) => "A robot address is the webhook URL the group gave (https://…).",
        NotificationChannel.Sms when !IsPhone(address) => "A phone number has 6 to 20 digits, optionally a leading + (spaces and dashes allowed).",
        NotificationChannel.Email when !address.Contains('@', StringComparison.Ordinal) || address.Contains(',', StringComparison.Ordinal) => "One e-mail address, like li.wei@example.com.",
        NotificationChannel.WebPush when WebPushSubscription.TryParse(address) is null => "A push subscription is the JSON the browser gave ({\"endpoint\", \"keys\": {\"p256dh\", \"auth\"}}).",
        NotificationChannel.WeCom or NotificationChannel.DingTalk or NotificationChannel.Sms or NotificationChannel.Email or NotificationChannel.WebPush => null,
        _ => $"Unknown channel {channel}.",
    };

    private static bool IsWebUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsPhone(string address)
    {
        var digits = address.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 20 && address.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' || (c == '+' && i == 0)).All(ok => ok);
    }
}

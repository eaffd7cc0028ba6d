using System.Globalization;
using AfterSales.Cloud.Calendar;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Notifications;

/// <summary>The text of a message that carries others of its kind to the same person (docs/service-rules.md §7.5).</summary>
internal static class GatheredNoticeText
{
    /// <param name="count">Messages carried, this one included.</param>
    /// <param name="firstAt">When the first of them was written.</param>
    /// <param name="latest">The latest one's own text, already in the reader's language.</param>
    public static string Write(NoticeKind kind, int count, DateTimeOffset firstAt, string latest, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        var since = DisplayZone.Local(firstAt).ToString("HH:mm", CultureInfo.InvariantCulture);
        return Clip(kind == NoticeKind.Escalation
            ? T["{0} tickets could not be dispatched since {1}; assign them by hand on the desk. The latest: {2}", count, since, latest]
            : T["{0} messages since {1}. The latest: {2}", count, since, latest]);
    }

    /// <summary>A message as long as its column holds.</summary>
    public static string Clip(string message) =>
        message.Length > NotificationConfiguration.MessageChars ? message[..NotificationConfiguration.MessageChars] : message;
}

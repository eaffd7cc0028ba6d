using System.Globalization;
using AfterSales.Cloud.Calendar;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Notifications;

/// <summary>The text of an escalation that carries the others waiting to the same person (docs/service-rules.md §7.5).</summary>
internal static class GatheredNoticeText
{
    /// <param name="count">Escalations carried, this one included.</param>
    /// <param name="firstAt">When the first of them was written.</param>
    /// <param name="latest">The latest one's own text, already in the reader's language.</param>
    public static string Write(int count, DateTimeOffset firstAt, string latest, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        var since = DisplayZone.Local(firstAt).ToString("HH:mm", CultureInfo.InvariantCulture);
        return NotificationConfiguration.ClipMessage(T["{0} tickets could not be dispatched since {1}; assign them by hand on the desk. The latest: {2}", count, since, latest]);
    }
}

using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// What a channel shows: a title, the text and, for a job notice, the link that opens the job; the
/// title and the link line in the current culture (the recipient's, set by the caller through
/// <see cref="NoticeLanguageStore"/>). The text itself was written in that language when queued.
/// </summary>
internal static class NoticeTextComposer
{
    public static NoticeEnvelope Compose(Notification notification, NotificationDelivery delivery, string publicBaseUrl, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(T);
        var link = notification.Token is null ? null : $"{publicBaseUrl.TrimEnd('/')}/n/{notification.Token}";
        string title = notification.Kind switch
        {
            NoticeKind.JobOffered => notification.TicketId is { } id ? T["New job {0}", id] : T["New job"],
            NoticeKind.SlaWarning => T["SLA warning"],
            NoticeKind.SlaBreach => T["SLA breached"],
            NoticeKind.Escalation => T["Escalation"],
            NoticeKind.CustomerEta => T["Technician on the way"],
            NoticeKind.General => "AfterSales",
            _ => "AfterSales",
        };
        var text = link is null ? notification.Message : T["{0} Open: {1}", notification.Message, link];
        return new NoticeEnvelope(delivery.Address, delivery.Secret, title, text, link);
    }
}

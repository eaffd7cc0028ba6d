namespace AfterSales.Cloud.Notifications;

/// <summary>What a channel shows: a title, the text and, for a job notice, the link that opens the job.</summary>
internal static class NoticeTextComposer
{
    public static NoticeEnvelope Compose(Notification notification, NotificationDelivery delivery, string publicBaseUrl)
    {
        var link = notification.Token is null ? null : $"{publicBaseUrl.TrimEnd('/')}/n/{notification.Token}";
        var title = notification.Kind switch
        {
            NoticeKind.JobOffered => notification.TicketId is { } id ? $"New job {id}" : "New job",
            NoticeKind.SlaWarning => "SLA warning",
            NoticeKind.SlaBreach => "SLA breached",
            NoticeKind.Escalation => "Escalation",
            NoticeKind.CustomerEta => "Technician on the way",
            NoticeKind.General => "AfterSales",
            _ => "AfterSales",
        };
        var text = link is null ? notification.Message : $"{notification.Message} Open: {link}";
        return new NoticeEnvelope(delivery.Address, delivery.Secret, title, text, link);
    }
}

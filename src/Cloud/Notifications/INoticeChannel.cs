namespace AfterSales.Cloud.Notifications;

/// <summary>A provider that carries messages. Throws <see cref="NoticeRefusedException"/> when it did not take one.</summary>
internal interface INoticeChannel
{
    NotificationChannel Channel { get; }

    Task SendAsync(NoticeEnvelope notice, CancellationToken cancellationToken);
}

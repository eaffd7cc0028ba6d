namespace AfterSales.Cloud.Notifications;

/// <summary>A provider did not take a message. <see cref="Permanent"/>: trying again will not help (bad address, wrong secret, gone subscription).</summary>
public sealed class NoticeRefusedException : Exception
{
    public NoticeRefusedException(string message, bool permanent)
        : base(message) => Permanent = permanent;

    public NoticeRefusedException()
    {
    }

    public NoticeRefusedException(string message)
        : base(message)
    {
    }

    public NoticeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Permanent { get; }
}

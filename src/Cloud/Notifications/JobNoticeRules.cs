namespace AfterSales.Cloud.Notifications;

/// <summary>
/// What the job notices to a technician say about whether he can know of the job
/// (docs/service-rules.md §7.4): an undelivered notice moves the job on at once, an unopened one is
/// named when the job moves on at the end of the accept window.
/// </summary>
internal static class JobNoticeRules
{
    /// <summary>
    /// True when every job notice to him was tried and failed: he cannot know, so waiting out the accept
    /// window only loses time. No channel at all is not "undelivered": he may be watching his job list.
    /// </summary>
    public static bool Undeliverable(IReadOnlyCollection<Notification> notices) =>
        notices.Count > 0 && notices.All(n => n.Status == NotificationStatus.Failed && n.Deliveries.Count > 0);

    /// <summary>Why the job moves on, for the audit line and the supervisor.</summary>
    public static string WhyMovedOn(IReadOnlyCollection<Notification> notices)
    {
        if (Undeliverable(notices))
        {
            return "job notice undelivered (" + string.Join("; ", notices.Select(n => n.LastError).Distinct()) + ")";
        }

        if (notices.Any(n => n.OpenedAt is not null))
        {
            return "not accepted in time (job notice opened)";
        }

        return notices.Any(n => n.Status == NotificationStatus.Sent)
            ? "not accepted in time (job notice delivered, never opened)"
            : "not accepted in time";
    }
}

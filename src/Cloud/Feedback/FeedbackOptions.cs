namespace AfterSales.Cloud.Feedback;

public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Service supervisors: overdue complaint reminders (催办单) go here.</summary>
    public List<string> SupervisorEmails { get; set; } = [];

    /// <summary>Senior managers: serious and unresolved complaints are escalated here.</summary>
    public List<string> ManagerEmails { get; set; } = [];

    public ComplaintPolicy Complaints { get; set; } = new();
}

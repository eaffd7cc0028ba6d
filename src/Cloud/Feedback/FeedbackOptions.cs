namespace AfterSales.Cloud.Feedback;

public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Service supervisors: overdue complaint reminders (催办单) go here.</summary>
    public List<string> SupervisorEmails { get; set; } = [];

    /// <summary>Senior managers: serious and unresolved complaints are escalated here.</summary>
    public List<string> ManagerEmails { get; set; } = [];

    public ComplaintPolicy Complaints { get; set; } = new();

    /// <summary>
    /// The supervisors and managers of each other service company (tenant), by tenant id. The two
    /// lists above serve the default company; a company without an entry here gets no complaint
    /// mail, rather than another company's people getting its complaints.
    /// </summary>
    public Dictionary<string, ComplaintContacts> Tenants { get; set; } = [];

    /// <summary>Who is told about <paramref name="tenantId"/>'s overdue complaints.</summary>
    public ComplaintContacts For(string tenantId) =>
        Tenants.TryGetValue(tenantId, out var own) ? own
        : tenantId == Auth.Tenants.Default ? new ComplaintContacts { SupervisorEmails = SupervisorEmails, ManagerEmails = ManagerEmails }
        : new ComplaintContacts();
}

/// <summary>One company's complaint contacts: reminders go to the supervisors, escalations to the managers.</summary>
public sealed class ComplaintContacts
{
    public List<string> SupervisorEmails { get; set; } = [];

    public List<string> ManagerEmails { get; set; } = [];
}

namespace AfterSales.Cloud.Feedback;

/// <summary>
/// A customer complaint, numbered YYMM-NNN, with its answer and resolution clocks
/// (docs/service-rules.md §4.2, §4.3). Registered once; afterwards only answered, resolved,
/// chased and escalated through its methods.
/// </summary>
public sealed class Complaint
{
    /// <summary>For EF Core; new complaints come from <see cref="Register"/>.</summary>
    private Complaint()
    {
    }

    public long Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public string SiteId { get; private set; } = string.Empty;

    public string? TechnicianId { get; private set; }

    public long? TicketId { get; private set; }

    public string Summary { get; private set; } = string.Empty;

    public ComplaintCause Cause { get; private set; }

    /// <summary>Valid and the service's fault: counts towards the complaint rate target (&lt; 3 %).</summary>
    public bool ServiceAtFault { get; private set; }

    public bool Serious { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset AnswerDueAt { get; private set; }

    public DateTimeOffset ResolveDueAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Fix { get; private set; }

    /// <summary>Who last set the cause at the desk (docs/service-rules.md §4.3c); null while it stands as filed.</summary>
    public string? ClassifiedBy { get; private set; }

    public DateTimeOffset? ClassifiedAt { get; private set; }

    /// <summary>When the last overdue reminder (催办单) went out.</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>When it went to the senior manager.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>A new complaint: both clocks run from its receipt, as long as the company's policy gives them.</summary>
    public static Complaint Register(
        string number, string siteId, string summary, ComplaintCause cause, bool serviceAtFault, bool serious, DateTimeOffset receivedAt, ComplaintPolicy policy,
        string? technicianId = null, long? ticketId = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new Complaint
        {
            Number = number,
            SiteId = siteId,
            TechnicianId = technicianId,
            TicketId = ticketId,
            Summary = summary,
            Cause = cause,
            ServiceAtFault = serviceAtFault,
            Serious = serious,
            ReceivedAt = receivedAt,
            AnswerDueAt = receivedAt.AddHours(policy.AnswerWithinHours),
            ResolveDueAt = receivedAt.AddHours(policy.ResolveWithinHours),
        };
    }

    /// <summary>The customer got an answer; the first answer is the one the clock judges.</summary>
    public void Answer(DateTimeOffset at) => AnsweredAt ??= at;

    /// <summary>The fix is recorded (a later, better description replaces it); the first resolution is the one the clock judges.</summary>
    public void Resolve(string fix, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fix);
        Fix = fix.Trim();
        ResolvedAt ??= at;
    }

    /// <summary>An overdue reminder went out; the next one waits a full reminder interval from here.</summary>
    public void Remind(DateTimeOffset at) => RemindedAt = at;

    /// <summary>Sent to the senior manager, once; that counts as a reminder too.</summary>
    public void Escalate(DateTimeOffset at)
    {
        if (EscalatedAt is not null)
        {
            throw new InvalidOperationException($"Complaint {Number} was escalated already.");
        }

        EscalatedAt = at;
        RemindedAt = at;
    }

    /// <summary>
    /// The desk sets the cause and whether the service was at fault after looking into the complaint; every
    /// change is kept as a <see cref="ComplaintClassification"/> (who, when, from what to what), and the KPIs
    /// count the complaint under what it is now (docs/service-rules.md §4.3c). Null when nothing changes.
    /// </summary>
    public ComplaintClassification? Reclassify(ComplaintCause cause, bool serviceAtFault, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (cause == ComplaintCause.Unclassified || !Enum.IsDefined(cause))
        {
            throw new ArgumentException("Choose the cause the complaint was found to have.", nameof(cause));
        }

        if (cause == Cause && serviceAtFault == ServiceAtFault)
        {
            return null;
        }

        var change = new ComplaintClassification
        {
            ComplaintId = Id,
            FromCause = Cause,
            FromServiceAtFault = ServiceAtFault,
            ToCause = cause,
            ToServiceAtFault = serviceAtFault,
            By = by,
            At = at,
        };
        (Cause, ServiceAtFault, ClassifiedBy, ClassifiedAt) = (cause, serviceAtFault, by, at);
        return change;
    }
}

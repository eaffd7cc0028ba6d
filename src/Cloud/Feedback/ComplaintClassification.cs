namespace AfterSales.Cloud.Feedback;

/// <summary>One change of a complaint's cause at the desk: the audit trail of docs/service-rules.md §4.3c. Written once, never changed.</summary>
public sealed class ComplaintClassification
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public ComplaintCause FromCause { get; set; }

    public bool FromServiceAtFault { get; set; }

    public ComplaintCause ToCause { get; set; }

    public bool ToServiceAtFault { get; set; }

    /// <summary>The user who changed it.</summary>
    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}

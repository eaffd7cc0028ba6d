namespace AfterSales.Cloud.Feedback;

/// <summary>A customer complaint, numbered YYMM-NNN, with its answer and resolution clocks (seed 000 ❻, 003 Ⅰ).</summary>
public sealed class Complaint
{
    public long Id { get; set; }

    public required string Number { get; set; }

    public required string SiteId { get; set; }

    public string? TechnicianId { get; set; }

    public long? TicketId { get; set; }

    public required string Summary { get; set; }

    public ComplaintCause Cause { get; set; }

    /// <summary>Valid and the service's fault: counts towards the complaint rate target (&lt; 3 %).</summary>
    public bool ServiceAtFault { get; set; }

    public bool Serious { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset AnswerDueAt { get; set; }

    public DateTimeOffset ResolveDueAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Fix { get; set; }

    /// <summary>When the last overdue reminder (催办单) went out.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>When it went to the senior manager.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
}

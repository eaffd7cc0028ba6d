namespace AfterSales.Cloud.Feedback;

/// <summary>A call or visit to the customer after a repair, to check the fix held (回访).</summary>
public sealed class Revisit
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string SiteId { get; set; }

    public RevisitRole Role { get; set; }

    public DateTimeOffset DueBy { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>A problem found; it goes back to the technician in writing within 24 h.</summary>
    public string? Finding { get; set; }

    public DateTimeOffset? FindingHandedOverAt { get; set; }
}

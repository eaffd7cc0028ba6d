namespace AfterSales.Cloud.Feedback;

/// <summary>A call or visit to the customer after a repair, to check the fix held (回访; docs/service-rules.md §4.4).</summary>
public sealed class Revisit
{
    /// <summary>For EF Core; new revisits come from <see cref="Plan"/>.</summary>
    private Revisit()
    {
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string SiteId { get; private set; } = string.Empty;

    public RevisitRole Role { get; private set; }

    public DateTimeOffset DueBy { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>A problem found; it goes back to the technician in writing within 24 h.</summary>
    public string? Finding { get; private set; }

    public DateTimeOffset? FindingHandedOverAt { get; private set; }

    /// <summary>A revisit of one repair by someone in <paramref name="role"/>, due by the deadline the rules give.</summary>
    public static Revisit Plan(long ticketId, string siteId, RevisitRole role, DateTimeOffset dueBy) =>
        new() { TicketId = ticketId, SiteId = siteId, Role = role, DueBy = dueBy };

    /// <summary>The revisit took place (the first record is when); what it found may be written again, and none means the fix held.</summary>
    public void Record(string? finding, DateTimeOffset at)
    {
        DoneAt ??= at;
        Finding = string.IsNullOrWhiteSpace(finding) ? null : finding.Trim();
    }
}

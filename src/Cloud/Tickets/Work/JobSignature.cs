namespace AfterSales.Cloud.Tickets.Work;

/// <summary>The customer's signature on the job sheet, taken after the work; one per visit, never altered.</summary>
public sealed class JobSignature
{
    public long Id { get; set; }

    /// <summary>The ticket it signs; (ticket, visit) is unique, so a second signature cannot be stored.</summary>
    public long TicketId { get; set; }

    public int Visit { get; set; }

    public required string SignerName { get; set; }

    /// <summary>The drawing as PNG.</summary>
    public required byte[] Png { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    /// <summary>The technician account that collected it.</summary>
    public required string CollectedBy { get; set; }
}

namespace AfterSales.Cloud.Tickets.Work;

/// <summary>A part replaced on the job, with quantity and reason (维护工作登记表).</summary>
public sealed class PartUsed
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public int Visit { get; set; }

    public required string Part { get; set; }

    public int Quantity { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

namespace AfterSales.Cloud.Ingest;

/// <summary>A message ingest refused, kept with its reason so an operator can see what a gateway sent.</summary>
public sealed class RejectedMessage
{
    public long Id { get; set; }

    public required string Topic { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The start of the payload as text (bounded) — enough to diagnose, never a storage hazard.</summary>
    public required string PayloadExcerpt { get; set; }
}

namespace AfterSales.Cloud.Parts;

/// <summary>
/// One line of the parts ledger: a quantity of one part from one place to another. Every move
/// has both ends, so the ledger is double-entry: over all places, including the supplier and the
/// scrap bin, the quantities always sum to zero.
/// </summary>
public sealed class PartMove
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public PartMoveKind Kind { get; set; }

    public required string PartNumber { get; set; }

    public int Quantity { get; set; }

    /// <summary>See <see cref="StockPlaces"/>: "warehouse:main", "van:tech-li", "job:42", "supplier", ...</summary>
    public required string From { get; set; }

    public required string To { get; set; }

    public long? TicketId { get; set; }

    public string? By { get; set; }

    public string? Reason { get; set; }
}

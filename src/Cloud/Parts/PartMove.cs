namespace AfterSales.Cloud.Parts;

/// <summary>
/// One line of the parts ledger: a quantity of one part from one place to another. Every move
/// has both ends, so the ledger is double-entry: over all places, including the supplier and the
/// scrap bin, the quantities always sum to zero.
/// </summary>
public sealed class PartMove
{
    public long Id { get; set; }

    /// <summary>The service company whose books the move is in: each company keeps its own ledger. Set by the server.</summary>
    public string TenantId { get; set; } = Auth.Tenants.Default;

    /// <summary>When it was recorded: the server's clock, never the client's.</summary>
    public DateTimeOffset At { get; set; }

    public PartMoveKind Kind { get; set; }

    public required string PartNumber { get; set; }

    public int Quantity { get; set; }

    /// <summary>See <see cref="StockPlaces"/>: "warehouse:main", "van:tech-li", "job:42", "supplier", ...</summary>
    public required string From { get; set; }

    public required string To { get; set; }

    public long? TicketId { get; set; }

    /// <summary>Who recorded it: the signed-in user, never a name the client chose.</summary>
    public string? By { get; set; }

    public string? Reason { get; set; }
}

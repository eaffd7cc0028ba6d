namespace AfterSales.Cloud.Parts;

/// <summary>
/// What a client may say about a parts move. When it happened, who recorded it and whose books it is in
/// are the server's to set (docs/security.md, "Server-set fields"), so they are not part of the request.
/// </summary>
internal sealed record PartMoveRequest(PartMoveKind Kind, string PartNumber, int Quantity, string From, string To, long? TicketId = null, string? Reason = null)
{
    public PartMove ToMove() => new()
    {
        Kind = Kind,
        PartNumber = PartNumber?.Trim() ?? string.Empty,
        Quantity = Quantity,
        From = From?.Trim() ?? string.Empty,
        To = To?.Trim() ?? string.Empty,
        TicketId = TicketId,
        Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(),
    };
}

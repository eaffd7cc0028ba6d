namespace AfterSales.Cloud.Inspections;

/// <summary>One line of the checklist: a device or a site-wide check, with what telemetry already knows.</summary>
public sealed class InspectionItem
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public InspectionArea Area { get; set; }

    /// <summary>Order on the sheet.</summary>
    public int Position { get; set; }

    /// <summary>The inventory device checked; null for site-wide checks (cabling, functions).</summary>
    public string? DeviceId { get; set; }

    public required string Label { get; set; }

    /// <summary>What to check, in the regulations' words.</summary>
    public required string Check { get; set; }

    /// <summary>Telemetry for the month so far, filled before the visit ("availability 99.2 %, 2 faults").</summary>
    public string? Prefill { get; set; }

    /// <summary>Telemetry already shows a problem here: look closely.</summary>
    public bool Flagged { get; set; }

    public ItemResult Result { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>The ticket a failed item opened.</summary>
    public long? TicketId { get; set; }
}

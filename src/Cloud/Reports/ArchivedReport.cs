namespace AfterSales.Cloud.Reports;

/// <summary>A generated report kept as sent: one per site, kind and period; a re-run replaces it.</summary>
public sealed class ArchivedReport
{
    public long Id { get; set; }

    public required string SiteId { get; set; }

    /// <summary><see cref="ReportKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The first day of the period covered.</summary>
    public DateOnly Period { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public required byte[] Pdf { get; set; }

    public required string Html { get; set; }

    public DateTimeOffset? EmailedAt { get; set; }

    public string? EmailedTo { get; set; }
}

public static class ReportKinds
{
    public const string Monthly = "monthly";
}

namespace AfterSales.Cloud.Inspections;

/// <summary>One site's inspection for one month (月检): the checklist a technician works through on site.</summary>
public sealed class InspectionJob
{
    public long Id { get; set; }

    public required string SiteId { get; set; }

    /// <summary>The first day of the month inspected.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The technician's id in the service desk (no foreign key: technicians live there).</summary>
    public string? TechnicianId { get; set; }

    public DateOnly ScheduledFor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Remarks { get; set; }

    public List<InspectionItem> Items { get; } = [];
}

namespace AfterSales.Cloud.Feedback;

/// <summary>
/// The satisfaction survey after one job (every job, not a sample): four questions, four levels
/// each (1 = dissatisfied … 4 = very satisfied). The customer opens it by an unguessable link.
/// </summary>
public sealed class Survey
{
    public long Id { get; set; }

    /// <summary>The secret in the link; the only way to the form.</summary>
    public required string Token { get; set; }

    public required string SiteId { get; set; }

    public string? TechnicianId { get; set; }

    public long? TicketId { get; set; }

    public long? InspectionJobId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public int? Attitude { get; set; }

    public int? Skill { get; set; }

    public int? ArrivalTime { get; set; }

    public int? KeepingPromises { get; set; }

    public string? Comment { get; set; }
}

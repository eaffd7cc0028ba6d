namespace AfterSales.Cloud.Feedback;

/// <summary>
/// The satisfaction survey after one job (every job, not a sample): four questions, four levels
/// each (1 = dissatisfied … 4 = very satisfied). The customer opens it by an unguessable link
/// and answers it once (docs/service-rules.md §4.1).
/// </summary>
public sealed class Survey
{
    public const int CommentMaxLength = 2000;

    /// <summary>For EF Core; new surveys come from <see cref="Issue"/>.</summary>
    private Survey()
    {
    }

    public long Id { get; private set; }

    /// <summary>The secret in the link; the only way to the form.</summary>
    public string Token { get; private set; } = string.Empty;

    public string SiteId { get; private set; } = string.Empty;

    public string? TechnicianId { get; private set; }

    public long? TicketId { get; private set; }

    public long? InspectionJobId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public int? Attitude { get; private set; }

    public int? Skill { get; private set; }

    public int? ArrivalTime { get; private set; }

    public int? KeepingPromises { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>A survey for a job (a ticket or an inspection), sent now under its secret token.</summary>
    public static Survey Issue(string token, string siteId, string? technicianId, long? ticketId, long? inspectionJobId, DateTimeOffset sentAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new Survey { Token = token, SiteId = siteId, TechnicianId = technicianId, TicketId = ticketId, InspectionJobId = inspectionJobId, SentAt = sentAt };
    }

    /// <summary>Every answer is one of the four levels.</summary>
    public static bool AreLevels(int attitude, int skill, int arrivalTime, int keepingPromises) =>
        new int?[] { attitude, skill, arrivalTime, keepingPromises }.All(SurveyScore.IsLevel);

    /// <summary>The customer's one answer: four levels and an optional comment. A second answer is refused.</summary>
    public void Answer(int attitude, int skill, int arrivalTime, int keepingPromises, string? comment, DateTimeOffset at)
    {
        if (AnsweredAt is not null)
        {
            throw new InvalidOperationException($"Survey {Id} is answered already; an answer is never changed.");
        }

        if (!AreLevels(attitude, skill, arrivalTime, keepingPromises))
        {
            throw new ArgumentOutOfRangeException(nameof(attitude), $"Every answer is a level from 1 to {SurveyScore.Levels}.");
        }

        (Attitude, Skill, ArrivalTime, KeepingPromises) = (attitude, skill, arrivalTime, keepingPromises);
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(CommentMaxLength, comment.Trim().Length)];
        AnsweredAt = at;
    }
}

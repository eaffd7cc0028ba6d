using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Sla;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Reports;

/// <summary>Every figure of one site's monthly report, computed once; the PDF and HTML only lay it out.</summary>
public sealed record MonthlyReport
{
    public required SiteHeader Site { get; init; }

    public ContractHeader? Contract { get; init; }

    public required DateOnly Month { get; init; }

    public required DateTimeOffset From { get; init; }

    /// <summary>End of the period covered: the month's end, or the moment of generation for a month still running.</summary>
    public required DateTimeOffset To { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required double SiteAvailability { get; init; }

    public required TimeSpan TotalDowntime { get; init; }

    public required IReadOnlyList<DeviceAvailability> Devices { get; init; }

    public required IReadOnlyList<TicketLine> Tickets { get; init; }

    public required SlaSummary Sla { get; init; }

    public InspectionSummary? Inspection { get; init; }

    public required IReadOnlyList<TicketLine> OpenDefects { get; init; }

    public required FeedbackSummary Feedback { get; init; }

    public required IReadOnlyList<DailyPoint> Daily { get; init; }
}

public sealed record SiteHeader(string Id, string Name, string? Customer, string? Address, string? Phone);

public sealed record ContractHeader(string Number, ServiceCategory Category, DateOnly StartsOn, DateOnly EndsOn, int InspectEveryMonths, string? ContactName);

public sealed record DeviceAvailability(string DeviceId, string Label, DeviceKind Kind, double Availability, TimeSpan Downtime, int Faults);

public sealed record TicketLine(
    long TicketId,
    string DeviceId,
    string Fault,
    FaultSeverity Severity,
    DateTimeOffset OpenedAt,
    TimeSpan? ToAcknowledge,
    SlaOutcome AcknowledgeOutcome,
    TimeSpan? ToArrive,
    DateTimeOffset? ArrivalDueAt,
    SlaOutcome ArrivalOutcome,
    TimeSpan? ToRestore,
    SlaOutcome RepairOutcome,
    string Status);

public sealed record SlaSummary(
    int Tickets,
    int ArrivalMet,
    int ArrivalMissed,
    int ArrivalNotNeeded,
    int ArrivalPending,
    int ArrivalNotTracked,
    double? OnTimeRate,
    TimeSpan? MeanToAcknowledge,
    TimeSpan? MeanToArrive,
    TimeSpan? MeanToRestore,
    int RepeatFaults);

public sealed record InspectionLine(int Position, InspectionArea Area, string Label, string? Prefill, ItemResult Result, string? Note, long? TicketId);

public sealed record InspectionSummary(
    long JobId,
    string? TechnicianId,
    DateOnly ScheduledFor,
    DateTimeOffset? CompletedAt,
    int Passed,
    int Failed,
    int NotApplicable,
    int Pending,
    IReadOnlyList<InspectionLine> Lines,
    string? Remarks);

public sealed record ComplaintLine(string Number, DateTimeOffset ReceivedAt, string Summary, ComplaintCause Cause, string Status);

public sealed record FeedbackSummary(int SurveysSent, int SurveysAnswered, double[] Averages, double? SatisfactionRate, IReadOnlyList<string> Comments, IReadOnlyList<ComplaintLine> Complaints);

public sealed record DailyPoint(DateOnly Day, int FaultsOpened, double Availability);

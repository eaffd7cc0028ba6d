namespace AfterSales.Cloud.Dispatch;

/// <summary>The planner's answer: who goes and when they can be there, or why nobody can.</summary>
public sealed record DispatchChoice(string? TechnicianId, DateTimeOffset? ExpectedArrival, string Explanation)
{
    public bool Found => TechnicianId is not null;
}

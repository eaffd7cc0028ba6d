namespace AfterSales.Cloud.Dispatch;

/// <summary>The kinds of roster entry (值班) an admin can put on the calendar; all of them put the technician on duty.</summary>
public static class DutyShiftKinds
{
    public const string OnCall = "on-call";
    public const string Holiday = "holiday";
    public const string Standby = "standby";

    /// <summary>A week: a longer cover is several entries, so the calendar shows each week's.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    public static IReadOnlyList<string> All { get; } = [OnCall, Holiday, Standby];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}

using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Feedback;

/// <summary>
/// Revisits after repairs (seed 003 Ⅱ): within a week, within two days for safety devices;
/// each role revisits its share of the jobs (manager ≥10 %, supervisor ≥30 %, repair lead ≥60 %).
/// </summary>
public static class RevisitRules
{
    public static readonly TimeSpan Within = TimeSpan.FromDays(7);

    public static readonly TimeSpan SafetyWithin = TimeSpan.FromDays(2);

    /// <summary>The alarm path (panel, detectors, its power) is the safety facility: a failed fix leaves the site unprotected.</summary>
    public static bool IsSafetyDevice(DeviceKind kind) => kind is DeviceKind.Panel or DeviceKind.Zone or DeviceKind.Power;

    public static DateTimeOffset DueBy(DateTimeOffset repairedAt, DeviceKind kind) => repairedAt + (IsSafetyDevice(kind) ? SafetyWithin : Within);

    /// <summary>A revisit's finding goes to the technician in writing, and he confirms it, within this (§4.4a).</summary>
    public static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromHours(24);

    public static RevisitStanding Standing(Revisit revisit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(revisit);
        return revisit.DoneAt is not null ? RevisitStanding.Done : now > revisit.DueBy ? RevisitStanding.Overdue : RevisitStanding.Due;
    }

    /// <summary>By when the technician must confirm the finding: 24 h from when the revisit found it; null without a finding.</summary>
    public static DateTimeOffset? AcknowledgeBy(Revisit revisit)
    {
        ArgumentNullException.ThrowIfNull(revisit);
        return revisit.Finding is not null && revisit.DoneAt is { } found ? found + AcknowledgeWithin : null;
    }

    /// <summary>A finding the technician has not confirmed, 24 h after it was found: the manager chases it.</summary>
    public static bool AcknowledgementOverdue(Revisit revisit, DateTimeOffset now) =>
        AcknowledgeBy(revisit) is { } by && revisit.AcknowledgedAt is null && now > by;

    public static double Quota(RevisitRole role) => role switch
    {
        RevisitRole.Manager => 0.10,
        RevisitRole.Supervisor => 0.30,
        RevisitRole.RepairLead => 0.60,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// The roles that revisit the <paramref name="ordinal"/>-th repair of the month (1-based).
    /// Spreading by ordinal keeps every role at its share however many jobs the month brings,
    /// without randomness a manager could not reproduce: after n jobs a role has exactly ⌈n·q⌉.
    /// </summary>
    public static IReadOnlyList<RevisitRole> RolesFor(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        return [.. Enum.GetValues<RevisitRole>().Where(r => Math.Ceiling(ordinal * Quota(r)) > Math.Ceiling((ordinal - 1) * Quota(r)))];
    }

    /// <summary>Whether a role met its share: revisits done against jobs repaired.</summary>
    public static bool QuotaMet(RevisitRole role, int jobs, int revisitsDone) => jobs == 0 || revisitsDone >= Math.Ceiling(jobs * Quota(role));
}

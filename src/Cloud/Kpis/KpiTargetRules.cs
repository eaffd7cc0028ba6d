using System.Globalization;

namespace AfterSales.Cloud.Kpis;

/// <summary>What makes a set of KPI targets acceptable (docs/service-rules.md §5.1); the same check for configuration and the admin page.</summary>
public static class KpiTargetRules
{
    public static string? Problem(KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var (name, value) in Figures(targets))
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 % and 100 % (got {value * 100:0.##} %).");
            }
        }

        return targets.AvailabilityGood < targets.Availability
            ? "AvailabilityGood (where availability reads good) must not be below the Availability target."
            : null;
    }

    public static IEnumerable<(string Name, double Value)> Figures(KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        yield return (nameof(KpiTargets.OnTimeRate), targets.OnTimeRate);
        yield return (nameof(KpiTargets.Satisfaction), targets.Satisfaction);
        yield return (nameof(KpiTargets.ComplaintRate), targets.ComplaintRate);
        yield return (nameof(KpiTargets.RepeatRate), targets.RepeatRate);
        yield return (nameof(KpiTargets.InspectionCompletion), targets.InspectionCompletion);
        yield return (nameof(KpiTargets.Availability), targets.Availability);
        yield return (nameof(KpiTargets.AvailabilityGood), targets.AvailabilityGood);
    }

    public static KpiTargets Copy(KpiTargets t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new KpiTargets
        {
            OnTimeRate = t.OnTimeRate, Satisfaction = t.Satisfaction, ComplaintRate = t.ComplaintRate, RepeatRate = t.RepeatRate,
            InspectionCompletion = t.InspectionCompletion, Availability = t.Availability, AvailabilityGood = t.AvailabilityGood,
        };
    }
}

using AfterSales.Cloud.Sla.Clocks;
using NodaTime;
using NodaTime.Extensions;

namespace AfterSales.Cloud.Sla.Timers;

/// <summary>Pure: the warning and breach instants of one target on its clock.</summary>
public static class TimerPlan
{
    public static IEnumerable<(int Percent, DateTimeOffset DueAt)> Marks(
        IWorkCalendar clock, DateTimeOffset start, Duration budget, IEnumerable<int> warningPercents)
    {
        ArgumentNullException.ThrowIfNull(warningPercents);
        var from = start.ToInstant();
        foreach (var percent in warningPercents.Where(p => p is > 0 and < 100).Distinct().Order())
        {
            yield return (percent, SlaClock.At(clock, from, budget, percent / 100.0).ToDateTimeOffset());
        }

        yield return (100, SlaClock.Due(clock, from, budget).ToDateTimeOffset());
    }
}

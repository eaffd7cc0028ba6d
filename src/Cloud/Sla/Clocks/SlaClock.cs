using NodaTime;

namespace AfterSales.Cloud.Sla.Clocks;

/// <summary>
/// SLA arithmetic on a calendar: a target is a budget of running time; the deadline is where
/// the budget runs out. Pure: the caller supplies every instant.
/// </summary>
public static class SlaClock
{
    /// <summary>The instant at which <paramref name="budget"/> of running time has passed since <paramref name="start"/>.</summary>
    public static Instant Due(IWorkCalendar calendar, Instant start, Duration budget)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var left = budget;
        foreach (var period in calendar.RunningFrom(start))
        {
            if (!period.HasEnd || period.End - period.Start >= left)
            {
                return period.Start + left;
            }

            left -= period.End - period.Start;
        }

        throw new InvalidOperationException("The calendar ran out of running time.");
    }

    /// <summary>Running time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static Duration RunningBetween(IWorkCalendar calendar, Instant from, Instant to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var total = Duration.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var period in calendar.RunningFrom(from))
        {
            if (period.Start >= to)
            {
                break;
            }

            var end = !period.HasEnd || period.End > to ? to : period.End;
            total += end - period.Start;
        }

        return total;
    }

    /// <summary>
    /// A deadline after a pause: the running time that was left when the clock stopped is
    /// granted again from the moment it restarts.
    /// </summary>
    public static Instant Resume(IWorkCalendar calendar, Instant due, Instant pausedAt, Instant resumedAt) =>
        Due(calendar, resumedAt, RunningBetween(calendar, pausedAt, due));

    /// <summary>The instant a given fraction of the budget is used: the 50 % and 75 % warnings.</summary>
    public static Instant At(IWorkCalendar calendar, Instant start, Duration budget, double fraction) =>
        Due(calendar, start, Duration.FromTicks((long)(budget.BclCompatibleTicks * fraction)));
}

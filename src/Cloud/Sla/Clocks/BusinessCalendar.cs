using NodaTime;

namespace AfterSales.Cloud.Sla.Clocks;

/// <summary>
/// Working hours in the service company's time zone, working days, and public holidays off.
/// Opening and closing are local times, so a day across a daylight-saving change keeps its
/// local hours (and is an hour shorter or longer in real time).
/// </summary>
public sealed class BusinessCalendar(
    DateTimeZone zone,
    LocalTime opens,
    LocalTime closes,
    IReadOnlySet<IsoDayOfWeek> workDays,
    IReadOnlySet<LocalDate> holidays,
    IReadOnlySet<LocalDate>? extraWorkDays = null) : IWorkCalendar
{
    // Ten years of days without a single working hour means the calendar is misconfigured.
    private const int MaxEmptyDays = 3660;

    public DateTimeZone Zone => zone;

    public IEnumerable<Interval> RunningFrom(Instant from)
    {
        if (closes <= opens)
        {
            throw new InvalidOperationException($"Business hours must close after they open ({opens} – {closes}).");
        }

        var day = from.InZone(zone).Date;
        var emptyDays = 0;
        while (emptyDays < MaxEmptyDays)
        {
            if (IsWorkDay(day))
            {
                var start = (day + opens).InZoneLeniently(zone).ToInstant();
                var end = (day + closes).InZoneLeniently(zone).ToInstant();
                if (end > from)
                {
                    emptyDays = 0;
                    yield return new Interval(start > from ? start : from, end);
                }
            }
            else
            {
                emptyDays++;
            }

            day = day.PlusDays(1);
        }

        throw new InvalidOperationException("The business calendar has no working day in ten years.");
    }

    /// <summary>A working day by the week, unless a public holiday; a make-up working day (调休) counts even on a weekend.</summary>
    public bool IsWorkDay(LocalDate day) =>
        (extraWorkDays?.Contains(day) ?? false) || (workDays.Contains(day.DayOfWeek) && !holidays.Contains(day));

    public bool IsWorking(Instant at)
    {
        var local = at.InZone(zone).LocalDateTime;
        return IsWorkDay(local.Date) && local.TimeOfDay >= opens && local.TimeOfDay < closes;
    }
}

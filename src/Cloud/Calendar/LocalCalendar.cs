using NodaTime;

namespace AfterSales.Cloud.Calendar;

/// <summary>
/// Pure: one service company's clock face — its time zone, public holidays and make-up working
/// days. Instants are stored in UTC; people, reports, KPIs and complaint numbers count in the days
/// this calendar gives them (docs/local-time.md).
/// </summary>
public sealed class LocalCalendar(DateTimeZone zone, IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> workingWeekends)
{
    public DateTimeZone Zone => zone;

    public string ZoneId => zone.Id;

    /// <summary>The same instant with the zone's offset, for showing and formatting.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(zone).ToDateTimeOffset();

    /// <summary>The local calendar day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset at)
    {
        var date = Instant.FromDateTimeOffset(at).InZone(zone).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>The first day of the local month an instant falls in (how reports and complaint numbers name it).</summary>
    public DateOnly MonthOf(DateTimeOffset at) => ServiceMonth.FirstOfMonth(DayOf(at));

    /// <summary>Local midnight at the start of a day, as an instant (UTC) to compare stored times with.</summary>
    public DateTimeOffset StartOf(DateOnly day) =>
        new LocalDate(day.Year, day.Month, day.Day).AtStartOfDayInZone(zone).ToInstant().ToDateTimeOffset();

    /// <summary>
    /// The instant a local wall-clock time (as typed on a page) stands for; in a zone with daylight
    /// saving a skipped time moves forward and a repeated one takes its first occurrence.
    /// </summary>
    public DateTimeOffset At(DateTime localTime) =>
        LocalDateTime.FromDateTime(DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified)).InZoneLeniently(zone).ToDateTimeOffset();

    /// <summary>The Monday of the local week a day falls in: the roster calendar shows weeks from Monday, as Chinese calendars do.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>A working day: Monday to Friday unless a public holiday, or a weekend day worked instead of one.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        workingWeekends.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    public bool IsHoliday(DateOnly day) => holidays.Contains(day);

    /// <summary>The public holidays, for clocks that count working hours (the SLA's business hours).</summary>
    public IReadOnlySet<DateOnly> Holidays => holidays;

    /// <summary>The weekend days worked instead of a holiday (调休).</summary>
    public IReadOnlySet<DateOnly> WorkingWeekends => workingWeekends;
}

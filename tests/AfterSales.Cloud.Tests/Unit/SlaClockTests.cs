using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Sla.Clocks;
using AfterSales.Cloud.Sla;
using NodaTime;
using NodaTime.Extensions;

namespace AfterSales.Cloud.Tests.Unit;

public class SlaClockTests
{
    private static readonly BusinessCalendar Shanghai = SlaTermsPolicy.BuildCalendar(new CalendarOptions(), Company(new LocalTimeOptions
    {
        TimeZone = "Asia/Shanghai",
        Holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
        WorkingWeekends = ["2026-10-10"],
    }));

    private static LocalCalendar Company(LocalTimeOptions options) => new TenantCalendars(options).Default;

    private static LocalCalendar Berlin => Company(new LocalTimeOptions { TimeZone = "Europe/Berlin", Holidays = [], WorkingWeekends = [] });

    private static Instant Utc(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero).ToInstant();

    [Fact]
    public void Due_AroundTheClock_IsStartPlusBudget() =>
        Assert.Equal(Utc(3, 29, 4, 30), SlaClock.Due(AroundTheClock.Instance, Utc(3, 29, 0, 30), Duration.FromHours(4)));

    [Fact]
    public void Due_BusinessHoursAcrossNationalDay_SkipsHolidaysAndWeekend()
    {
        // Wednesday 30 Sep 17:00 in Shanghai: one working hour left that day, then a week of holiday.
        var start = Utc(9, 30, 9);

        var due = SlaClock.Due(Shanghai, start, Duration.FromHours(3));

        // Thursday 8 Oct 11:00 Shanghai (UTC+8).
        Assert.Equal(Utc(10, 8, 3), due);
    }

    [Fact]
    public void Due_MakeUpSaturday_CountsAsWorkingDay()
    {
        // Friday 9 Oct 17:00 Shanghai; Saturday 10 Oct is a make-up working day (调休).
        var due = SlaClock.Due(Shanghai, Utc(10, 9, 9), Duration.FromHours(2));

        Assert.Equal(Utc(10, 10, 2), due);
    }

    [Fact]
    public void Due_BerlinWeekendBeforeSpringForward_MondayMorningInSummerTime()
    {
        var berlin = SlaTermsPolicy.BuildCalendar(new CalendarOptions(), Berlin);

        // Friday 27 March 17:00 CET (UTC+1); Monday 30 March is CEST (UTC+2).
        var due = SlaClock.Due(berlin, Utc(3, 27, 16), Duration.FromHours(2));

        Assert.Equal(Utc(3, 30, 8), due);
    }

    [Fact]
    public void Due_BusinessDayContainingTheDstGap_IsAnHourShorterInRealTime()
    {
        var nightShift = SlaTermsPolicy.BuildCalendar(
            new CalendarOptions { Opens = "01:00", Closes = "05:00", WorkDays = [.. Enum.GetValues<DayOfWeek>()] },
            Berlin);

        // Saturday 28 March 01:00 CET = 00:00Z: four real hours that night. Sunday 01:00–05:00 local
        // loses 02:00–03:00 to the clock change, so it holds three real hours (00:00Z–03:00Z).
        var due = SlaClock.Due(nightShift, Utc(3, 28, 0), Duration.FromHours(6));

        Assert.Equal(Utc(3, 29, 2), due);
        Assert.Equal(Duration.FromHours(3), SlaClock.RunningBetween(nightShift, Utc(3, 29, 0), Utc(3, 29, 12)));
    }

    [Fact]
    public void Resume_AroundTheClock_DeadlineMovesByThePause() =>
        Assert.Equal(Utc(11, 23, 13), SlaClock.Resume(AroundTheClock.Instance, Utc(11, 23, 12), Utc(11, 23, 10), Utc(11, 23, 11)));

    [Fact]
    public void Resume_BusinessHoursOvernightPause_KeepsTheWorkingTimeLeft()
    {
        // Due Monday 15:00 Shanghai; paused Monday 10:00 with 5 working hours left; resumed Tuesday 10:00.
        var resumed = SlaClock.Resume(Shanghai, Utc(11, 23, 7), Utc(11, 23, 2), Utc(11, 24, 2));

        Assert.Equal(Utc(11, 24, 7), resumed);
    }

    [Fact]
    public void At_HalfOfABusinessBudget_LandsInWorkingTime()
    {
        // Friday 16:00 Shanghai, 4 working hours: half is used by Friday 18:00.
        Assert.Equal(Utc(11, 27, 10), SlaClock.At(Shanghai, Utc(11, 27, 8), Duration.FromHours(4), 0.5));
        Assert.Equal(Utc(11, 30, 3), SlaClock.At(Shanghai, Utc(11, 27, 8), Duration.FromHours(4), 1.0));
    }

    [Fact]
    public void Due_DefaultCompanyCalendar_MinorFaultClockSkipsChinasPublicHolidays()
    {
        // No dates configured: the company calendar's default is the State Council's list, and the
        // business-hours clock now follows it (it used to know no holidays unless Sla:Calendar listed them).
        var clock = SlaTermsPolicy.BuildCalendar(new CalendarOptions(), new TenantCalendars(new LocalTimeOptions()).Default);

        // Wednesday 30 Sep 2026 17:00 Shanghai, 2 working hours: 1 that day, 1 on Thursday 8 Oct after the National Day week.
        Assert.Equal(Utc(10, 8, 2), SlaClock.Due(clock, Utc(9, 30, 9), Duration.FromHours(2)));
    }

    [Theory]
    [InlineData("Holidays")]
    [InlineData("TimeZone")]
    public void BuildCalendar_SettingThatMovedToLocalTime_StopsTheStartSayingWhere(string setting)
    {
        var old = setting == "Holidays" ? new CalendarOptions { Holidays = ["2026-10-01"] } : new CalendarOptions { TimeZone = "Asia/Shanghai" };

        var ex = Assert.Throws<InvalidOperationException>(() => SlaTermsPolicy.BuildCalendar(old, Berlin));

        Assert.Contains($"LocalTime:{setting}", ex.Message, StringComparison.Ordinal);
    }
}

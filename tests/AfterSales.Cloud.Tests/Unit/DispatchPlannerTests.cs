using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Unit;

public class DispatchPlannerTests
{
    private const double KmPerDegree = 111.195;
    private static readonly GeoPoint Site = new(30.0, 104.0);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly DispatchOptions _options = new() { TravelSpeedKmh = 30, MinutesPerQueuedJob = 60 };

    private static Candidate Tech(string id, double kmAway, string skills = "alarm,cctv", bool onDuty = true, int load = 0) =>
        new(id, id, Skills.Parse(skills), new GeoPoint(Site.Latitude + (kmAway / KmPerDegree), Site.Longitude), onDuty, load);

    private DispatchChoice Choose(DateTimeOffset? deadline, params Candidate[] candidates) =>
        DispatchPlanner.Choose(Skills.Alarm, Site, _time.GetUtcNow(), deadline, candidates, new HashSet<string>(), _options);

    [Fact]
    public void Choose_NearestQualifiedOnDuty_Wins()
    {
        var choice = Choose(null, Tech("far", 20), Tech("near", 3), Tech("nearer-but-cctv-only", 1, "cctv"), Tech("off-duty", 0.5, onDuty: false));

        Assert.Equal("near", choice.TechnicianId);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(6), choice.ExpectedArrival!.Value, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Choose_BusyNearTechnician_LosesToAFreeOneWhoArrivesSooner()
    {
        // 3 km with two jobs queued = 2 h 6 min; 15 km free = 30 min.
        var choice = Choose(null, Tech("busy", 3, load: 2), Tech("free", 15));

        Assert.Equal("free", choice.TechnicianId);
    }

    [Fact]
    public void Choose_NobodyCanMakeTheDeadline_NoChoiceAndSaysWhen()
    {
        var choice = Choose(_time.GetUtcNow() + TimeSpan.FromMinutes(30), Tech("far", 60));

        Assert.False(choice.Found);
        Assert.Contains("after the deadline", choice.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_OnlyUnqualified_SaysWhichSkillIsMissing()
    {
        var choice = Choose(null, Tech("cctv-only", 1, "cctv"));

        Assert.False(choice.Found);
        Assert.Contains("alarm", choice.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_ExcludedAfterTimeout_GoesToTheNext()
    {
        var choice = DispatchPlanner.Choose(Skills.Alarm, Site, _time.GetUtcNow(), null, [Tech("a", 1), Tech("b", 5)], new HashSet<string> { "a" }, _options);

        Assert.Equal("b", choice.TechnicianId);
    }

    [Fact]
    public void IsOnDuty_HolidayNightWithOnCallShift_TrueWithoutShiftFalse()
    {
        var calendar = SlaTermsPolicy.BuildCalendar(new CalendarOptions(), new TenantCalendars(new LocalTimeOptions { Holidays = ["2026-10-01"] }).Default);
        var tech = new Technician { Id = "li", Name = "Li" };
        var holidayNight = new DateTimeOffset(2026, 10, 1, 14, 0, 0, TimeSpan.Zero); // 22:00 in Shanghai
        DutyShift[] onCall = [new DutyShift { TechnicianId = "li", Start = holidayNight.AddHours(-14), End = holidayNight.AddHours(10), Kind = "holiday" }];

        Assert.True(DutyRoster.IsOnDuty(tech, onCall, calendar, holidayNight));
        Assert.False(DutyRoster.IsOnDuty(tech, [], calendar, holidayNight));
        Assert.True(DutyRoster.IsOnDuty(tech, [], calendar, new DateTimeOffset(2026, 10, 8, 2, 0, 0, TimeSpan.Zero)));
    }
}

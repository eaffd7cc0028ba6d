using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Localization;

/// <summary>
/// Months, days and complaint numbers turn at local midnight in the service company's zone
/// (Asia/Shanghai, UTC+8), not at UTC midnight: between 00:00 and 08:00 Beijing time the UTC date
/// is still the day before (docs/local-time.md).
/// </summary>
public sealed class LocalDayTests : IAsyncLifetime
{
    // 1 December 2026, 07:00 in Beijing = 30 November 2026, 23:00 UTC.
    private static readonly DateTimeOffset Dec1At0700Beijing = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

    // 30 November 2026, 23:30 in Beijing = 15:30 UTC: still November there.
    private static readonly DateTimeOffset Nov30At2330Beijing = new(2026, 11, 30, 15, 30, 0, TimeSpan.Zero);

    private readonly TenantCalendars _calendars = new(new LocalTimeOptions());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteTestDatabase.CreateAsync();
        await using var db = _db.CreateDbContext();
        db.Sites.Add(new Site { Id = "site-a", Name = "锦里珠宝店", Customer = "锦里珠宝", Latitude = 30.65, Longitude = 104.08 });
        db.Tickets.Add(TicketMaker.Open(TicketMaker.Raised("site-a", "panel", DeviceKind.Panel, "panel.ac_loss", Dec1At0700Beijing)));
        db.Tickets.Add(TicketMaker.Open(TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, "camera.offline", Nov30At2330Beijing)));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Calendar_0700BeijingOnThe1st_IsTheNewMonthThoughUtcIsNot()
    {
        var beijing = _calendars.Default;

        Assert.Equal(new DateOnly(2026, 12, 1), beijing.MonthOf(Dec1At0700Beijing));
        Assert.Equal(new DateOnly(2026, 11, 1), beijing.MonthOf(Nov30At2330Beijing));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), beijing.StartOf(new DateOnly(2026, 12, 1)));
        Assert.Equal("2026-12-01 07:00 +08:00", beijing.Local(Dec1At0700Beijing).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ComplaintNumber_ReceivedAt0700BeijingOnThe1st_CountsInTheNewMonth()
    {
        var time = new FakeTimeProvider(Nov30At2330Beijing);
        var complaints = new ComplaintService(_db, new MailService(_db, Options.Create(new MailOptions()), time, NullLogger<MailService>.Instance), new AfterSales.Cloud.Notifications.NotificationService(_db, TestWording.Notices("zh-CN"), new AfterSales.Cloud.Tickets.NotificationTenantStore(new AfterSales.Cloud.Sites.SiteStore()), time, NullLogger<AfterSales.Cloud.Notifications.NotificationService>.Instance), Options.Create(new FeedbackOptions()), _calendars, TestWording.In("zh-CN"), time, NullLogger<ComplaintService>.Instance);

        var november = await complaints.RegisterAsync(Tenants.Default, new("site-a", "迟到一小时", ComplaintCause.LateArrival, ServiceAtFault: true), default);
        time.SetUtcNow(Dec1At0700Beijing);
        var december = await complaints.RegisterAsync(Tenants.Default, new("site-a", "未带备件", ComplaintCause.Other, ServiceAtFault: true), default);

        Assert.Equal("2611-001", november.Number);
        Assert.Equal("2612-001", december.Number);
    }

    [Fact]
    public async Task Kpis_DecemberInBeijing_CountTheFaultAt0700OnThe1stAndNotTheOneAt2330TheDayBefore()
    {
        var kpis = new KpiService(_db, Options.Create(new LifecycleOptions()), _calendars, _time);

        var december = await kpis.LoadAsync(Tenants.Default, new DateOnly(2026, 12, 1), 1, default);
        var november = await kpis.LoadAsync(Tenants.Default, new DateOnly(2026, 11, 1), 1, default);

        // The panel fault (07:00 on 1 December in Beijing, still 30 November in UTC) is December's;
        // the camera, still open, touches both months.
        Assert.Contains("panel", december.Tickets.Select(t => t.DeviceId));
        Assert.Equal(["cam-1"], november.Tickets.Select(t => t.DeviceId));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), december.From);
    }

    [Fact]
    public async Task MonthlyReport_December_StartsAtBeijingMidnight()
    {
        await using var db = _db.CreateDbContext();

        var december = await ReportInputStore.LoadAsync(db, _calendars, "site-a", new DateOnly(2026, 12, 1), _time.GetUtcNow(), new LifecycleOptions(), default);
        var november = await ReportInputStore.LoadAsync(db, _calendars, "site-a", new DateOnly(2026, 11, 1), _time.GetUtcNow(), new LifecycleOptions(), default);

        Assert.Contains("panel", december!.Tickets.Select(t => t.DeviceId));
        Assert.Equal(["cam-1"], november!.Tickets.Select(t => t.DeviceId));
    }

    [Fact]
    public async Task MonthlyReport_FaultAt0700BeijingOnThe1st_CountsOnDecember1stInTheFiguresAndTheDailyChart()
    {
        await using var db = _db.CreateDbContext();
        var december = new DateOnly(2026, 12, 1);
        var inputs = await ReportInputStore.LoadAsync(db, _calendars, "site-a", december, _time.GetUtcNow(), new LifecycleOptions(), default);

        var report = MonthlyReportBuilder.Build(inputs!, december, _time.GetUtcNow(), _calendars.Default);

        Assert.Equal(["panel"], report.Tickets.Select(t => t.DeviceId));
        Assert.Equal(Dec1At0700Beijing - TimeSpan.FromHours(7), report.From);
        Assert.Equal((new DateOnly(2026, 12, 1), 1), (report.Daily[0].Day, report.Daily[0].FaultsOpened));
    }

    [Fact]
    public void InspectionSchedule_NationalDayWeek_SkipsTheHolidaysAndUsesTheMakeUpSaturday()
    {
        var technician = new TechnicianCandidate("li", "Li", null, MaxPerDay: 1);
        var sites = Enumerable.Range(1, 3).Select(i => new SiteToInspect($"site-{i}", null));

        var days = InspectionSchedulePlanner.Schedule(sites, [technician], [], new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), _calendars.Default)
            .Select(s => s.Day).ToList();

        // 1–7 October are the National Day holiday; 8 and 9 are Thursday and Friday; Saturday the 10th is worked instead (调休).
        Assert.Equal([new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 10)], days);
    }

    [Fact]
    public void Calendars_UnknownZone_StopsWithTheSettingName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TenantCalendars(new LocalTimeOptions { Tenants = { ["acme"] = "Mars/Olympus" } }));

        Assert.Contains("LocalTime:Tenants:acme 'Mars/Olympus'", error.Message, StringComparison.Ordinal);
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Cycle;

/// <summary>
/// A month of service at two sites on a real, migrated database, with mail delivered to a real
/// SMTP socket: inventory from the config, inspections, faults, feedback, then the month's reports.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the sink through IAsyncLifetime.DisposeAsync")]
public abstract class ServiceCycleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 0, 10, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Nov1);

    private static readonly TenantCalendars Calendars = new(new LocalTimeOptions());
    private readonly SmtpSink _smtp = new();
    private IDbContextFactory<CloudDb> _dbs = null!;
    private MailService _mailer = null!;
    private MailDeliveryService _mailDelivery = null!;
    private TicketDeskService _tickets = null!;
    private ServiceProvider _desk = null!;

    protected abstract Task<Func<CloudDb>> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _dbs = new FuncDbFactory(await CreateDatabaseAsync());
        await using var db = await _dbs.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.ServiceCentres.Add(new ServiceCentre { Id = "centre-1", Name = "Chengdu", Latitude = 30.0, Longitude = 104.0 });
        db.Sites.AddRange(
            new Site { Id = "site-a", Name = "Jinjiang branch", Customer = "Trust Bank", Latitude = 30.027, Longitude = 104.0 },
            new Site { Id = "site-b", Name = "Wuhou depot", Customer = "Metro Logistics", Latitude = 30.05, Longitude = 104.0 });
        db.AddRange(
            new MaintenanceContract { Number = "MC-A", SiteId = "site-a", StartsOn = new(2026, 1, 1), EndsOn = new(2026, 12, 31), ContactEmails = "security@bank.example; guard@bank.example" },
            new MaintenanceContract { Number = "MC-B", SiteId = "site-b", StartsOn = new(2026, 6, 1), EndsOn = new(2026, 12, 20), ContactEmails = "ops@metro.example" });
        await db.SaveChangesAsync();
        var mailOptions = Options.Create(new MailOptions { Host = "127.0.0.1", Port = _smtp.Port });
        _mailer = new MailService(_dbs, mailOptions, _time, NullLogger<MailService>.Instance);
        _mailDelivery = new MailDeliveryService(_dbs, new SmtpRelayClient(mailOptions, _time), mailOptions, _time, NullLogger<MailDeliveryService>.Instance);
        _desk = Desk.DeskServices.Build(_dbs, _time);
        _tickets = _desk.GetRequiredService<TicketDeskService>();
        var inventory = new InventoryStore(_dbs, _time);
        await inventory.ApplyConfigAsync(Config("site-a", 1, ("panel", DeviceKind.Panel), ("cam-1", DeviceKind.Camera), ("cam-2", DeviceKind.Camera)), default);
        await inventory.ApplyConfigAsync(Config("site-b", 1, ("panel", DeviceKind.Panel)), default);
    }

    public virtual async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Inventory_NewerConfig_RetiresAddsAndRefusesGoingBack()
    {
        var store = new InventoryStore(_dbs, _time);

        var changes = await store.ApplyConfigAsync(Config("site-a", 2, ("panel", DeviceKind.Panel), ("cam-1", DeviceKind.Camera), ("nvr-1", DeviceKind.Recorder)), default);
        var stale = await Assert.ThrowsAsync<InventoryException>(() => store.ApplyConfigAsync(Config("site-a", 2, ("panel", DeviceKind.Panel)), default));
        var config = await store.ConfigAsync("site-a", default);

        Assert.Equal(["nvr-1"], changes.Added);
        Assert.Equal(["cam-2"], changes.Retired);
        Assert.Contains("not newer", stale.Message, StringComparison.Ordinal);
        Assert.Equal(["cam-1", "nvr-1", "panel"], config!.Devices.Select(d => d.DeviceId));
        Assert.Equal(2, config.Version);
    }

    [Fact]
    public async Task Inspection_PlannedOncePerSite_FailedItemOpensATicket()
    {
        var planner = new InspectionPlanService(_dbs, Options.Create(new InspectionOptions { Technicians = [new("tech-li", "Li"), new("tech-wang", "Wang")] }), Options.Create(new LifecycleOptions()), Calendars, TestWording.In("en"), _time, NullLogger<InspectionPlanService>.Instance);
        var desk = new InspectionService(_dbs, _tickets, new SurveyService(_dbs, _mailer, TestWording.In("en"), Calendars, _time), _time, NullLogger<InspectionService>.Instance);

        Assert.Equal(2, await planner.PlanAsync(Tenants.Default, new DateOnly(2026, 11, 1), default));
        Assert.Equal(0, await planner.PlanAsync(Tenants.Default, new DateOnly(2026, 11, 1), default));

        var jobs = await desk.ForTechnicianAsync(Tenants.Default, null, new DateOnly(2026, 11, 1), default);
        Assert.Equal(["tech-li", "tech-wang"], jobs.Select(j => j.TechnicianId).Order());
        var job = jobs.Single(j => j.SiteId == "site-a");
        Assert.Equal(3 + 4 + 5, job.Items.Count); // three devices, four cabling checks, five functions
        var joints = job.Items.Single(i => i.Label == "Joints and terminations");

        await Assert.ThrowsAsync<InspectionException>(() => desk.RecordAsync(job.Id, joints.Id, ItemResult.Fail, note: null, default));
        await Assert.ThrowsAsync<InspectionException>(() => desk.CompleteAsync(job.Id, null, default));
        foreach (var item in job.Items)
        {
            await desk.RecordAsync(job.Id, item.Id, item == joints ? ItemResult.Fail : ItemResult.Pass, item == joints ? "Corroded joint at cam-2" : null, default);
        }

        await desk.CompleteAsync(job.Id, "All else sound", default);
        var done = await desk.FindAsync(Tenants.Default, job.Id, default);
        var ticketId = done!.Items.Single(i => i.Id == joints.Id).TicketId;
        await using var db = await _dbs.CreateDbContextAsync();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);

        Assert.Equal(CloudFaults.InspectionDefect, ticket.Fault);
        Assert.Equal("ring-1", ticket.Zone);
        Assert.NotNull(done.CompletedAt);
        await _mailDelivery.DeliverDueAsync(default);
        var invitation = Assert.Single(_smtp.Messages);
        Assert.Equal(["security@bank.example", "guard@bank.example"], invitation.Recipients);
        var survey = await db.Surveys.SingleAsync();
        Assert.Equal((job.Id, "tech-li"), (survey.InspectionJobId!.Value, survey.TechnicianId));
        Assert.Contains($"/survey/{survey.Token}", invitation.Body, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InspectionException>(() => desk.RecordAsync(job.Id, joints.Id, ItemResult.Pass, null, default));
    }

    [Fact]
    public async Task MonthlyRun_GeneratesArchivesAndMailsEachSiteOnce_AndReRunsSafely()
    {
        await Fault("site-a", "cam-1", FaultCodes.CameraOffline, At(11, 3, 10), At(11, 3, 13));
        await Fault("site-a", "panel", FaultCodes.PanelAcLoss, At(11, 20, 22), At(11, 21, 4));
        var reports = Reports();
        var progress = new List<ReportProgress>();
        _time.SetUtcNow(At(12, 1, 6));

        var run = await reports.RunMonthAsync(Tenants.Default, new DateOnly(2026, 11, 1), force: false, new SyncProgress(progress), default);

        Assert.Equal((2, 2, 0), (run!.Total, run.Done, run.Failed));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal([1, 2], progress.Select(p => p.Done));
        await _mailDelivery.DeliverDueAsync(default);
        var mails = _smtp.Messages.ToList();
        Assert.Equal(2, mails.Count);
        var toBank = mails.Single(m => m.Recipients.Contains("security@bank.example"));
        Assert.Contains("guard@bank.example", toBank.Recipients);
        Assert.Contains("report-site-a-2026-11.pdf", toBank.Data, StringComparison.Ordinal);

        await using (var db = await _dbs.CreateDbContextAsync())
        {
            var archived = await db.Set<ArchivedReport>().SingleAsync(a => a.SiteId == "site-a");

            // 3 devices × 720 h; cam-1 down 3 h, the panel 6 h → 1 − 9/2160.
            Assert.Contains(ReportFormat.Percent(1 - (9.0 / 2160)), archived.Html, StringComparison.Ordinal);
            Assert.Equal("99.58 %", ReportFormat.Percent(1 - (9.0 / 2160)));
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(archived.Pdf, 0, 5), StringComparison.Ordinal);
            Assert.NotNull(archived.EmailedAt);
        }

        Assert.Null(await reports.RunMonthAsync(Tenants.Default, new DateOnly(2026, 11, 1), force: false, null, default));
        var forced = await reports.RunMonthAsync(Tenants.Default, new DateOnly(2026, 11, 1), force: true, null, default);
        Assert.Equal(2, forced!.Done);
        await _mailDelivery.DeliverDueAsync(default);
        Assert.Equal(2, _smtp.Messages.Count); // regenerated, not mailed twice
    }

    [Fact]
    public async Task MonthlyRun_AbandonedByACrashedNode_IsResumedOnlyOnceStale()
    {
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            db.Add(new ReportRun { Kind = ReportKinds.Monthly, Period = new DateOnly(2026, 11, 1), StartedAt = At(12, 1, 0), HeartbeatAt = At(12, 1, 0) });
            await db.SaveChangesAsync();
        }

        var reports = Reports();
        _time.SetUtcNow(At(12, 1, 0, 5));
        Assert.Null(await reports.RunMonthAsync(Tenants.Default, new DateOnly(2026, 11, 1), force: false, null, default));

        _time.SetUtcNow(At(12, 1, 0, 11));
        var resumed = await reports.RunMonthAsync(Tenants.Default, new DateOnly(2026, 11, 1), force: false, null, default);
        Assert.Equal(2, resumed!.Done);
    }

    [Fact]
    public async Task Calendar_OnTheFirst_PlansTheMonthAndReportsTheMonthBefore_Once()
    {
        var calendar = new Hosting.ServiceCalendarWorker(
            new ContractService(_dbs, _mailer, TestWording.In("en"), Calendars, _time, NullLogger<ContractService>.Instance),
            new InspectionPlanService(_dbs, Options.Create(new InspectionOptions { Technicians = [new("tech-li", "Li")] }), Options.Create(new LifecycleOptions()), Calendars, TestWording.In("en"), _time, NullLogger<InspectionPlanService>.Instance),
            new MaintenanceReminderService(_dbs, new AfterSales.Cloud.Notifications.NotificationService(_dbs, TestWording.Notices("en"), new AfterSales.Cloud.Tickets.NotificationTenantStore(new AfterSales.Cloud.Sites.SiteStore()), _time, NullLogger<AfterSales.Cloud.Notifications.NotificationService>.Instance), Calendars, _time, NullLogger<MaintenanceReminderService>.Instance),
            Reports(),
            new ComplaintService(_dbs, _mailer, new AfterSales.Cloud.Notifications.NotificationService(_dbs, TestWording.Notices("en"), new AfterSales.Cloud.Tickets.NotificationTenantStore(new AfterSales.Cloud.Sites.SiteStore()), _time, NullLogger<AfterSales.Cloud.Notifications.NotificationService>.Instance), Options.Create(new FeedbackOptions()), Calendars, TestWording.In("en"), _time, NullLogger<ComplaintService>.Instance),
            new RevisitService(_dbs, Options.Create(new LifecycleOptions()), _time),
            _dbs,
            new Hosting.RetentionService(_dbs, Options.Create(new Hosting.RetentionOptions()), _time, NullLogger<Hosting.RetentionService>.Instance),
            Calendars,
            _time,
            NullLogger<Hosting.ServiceCalendarWorker>.Instance);
        _time.SetUtcNow(At(12, 1, 0, 5));

        await calendar.TickAsync(default);
        _time.Advance(Hosting.ServiceCalendarWorker.Every);
        await calendar.TickAsync(default);

        await _mailDelivery.DeliverDueAsync(default);
        await using var db = await _dbs.CreateDbContextAsync();
        Assert.Equal(["site-a", "site-b"], await db.ArchivedReports.Where(a => a.Period == new DateOnly(2026, 11, 1)).Select(a => a.SiteId).OrderBy(s => s).ToListAsync());
        Assert.Equal(2, await db.InspectionJobs.CountAsync(j => j.Month == new DateOnly(2026, 12, 1)));
        Assert.Equal(2, _smtp.Messages.Count(m => m.Subject.StartsWith("Monthly inspection report", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExpiryNotice_SentOnceThirtyDaysBeforeTheEnd()
    {
        var book = new ContractService(_dbs, _mailer, TestWording.In("en"), Calendars, _time, NullLogger<ContractService>.Instance);
        _time.SetUtcNow(At(11, 19, 9));
        Assert.Equal(0, await book.SendExpiryNoticesAsync(default)); // 31 days before 20 Dec

        _time.SetUtcNow(At(11, 20, 9));
        Assert.Equal(1, await book.SendExpiryNoticesAsync(default));
        Assert.Equal(0, await book.SendExpiryNoticesAsync(default));

        await _mailDelivery.DeliverDueAsync(default);
        var notice = Assert.Single(_smtp.Messages);
        Assert.Equal(["ops@metro.example"], notice.Recipients);
        Assert.Equal("Your maintenance contract MC-B ends on 20 December 2026", notice.Subject);
    }

    [Fact]
    public async Task ExpiryNotice_CountsDaysOnTheCompanysCalendar_NotUtc()
    {
        var book = new ContractService(_dbs, _mailer, TestWording.In("en"), Calendars, _time, NullLogger<ContractService>.Instance);

        // 19 Nov 17:00 UTC is 20 Nov 01:00 in Shanghai: thirty local days before the 20 Dec end.
        _time.SetUtcNow(At(11, 19, 17));

        Assert.Equal(1, await book.SendExpiryNoticesAsync(default));
    }

    [Fact]
    public async Task Mail_ForAChineseCompany_ExpiryNoticeAndMonthlyReportAreChinese()
    {
        _time.SetUtcNow(At(11, 20, 9));
        Assert.Equal(1, await new ContractService(_dbs, _mailer, TestWording.In("zh-CN"), Calendars, _time, NullLogger<ContractService>.Instance).SendExpiryNoticesAsync(default));
        _time.SetUtcNow(At(12, 1, 1));
        Assert.NotNull(await Reports("zh-CN").GenerateAsync(Tenants.Default, "site-a", new DateOnly(2026, 11, 1), mail: true, default));

        await _mailDelivery.DeliverDueAsync(default);
        Assert.Contains(_smtp.Messages, m => m.Subject == "您的维保合同 MC-B 将于 2026年12月20日 到期");
        Assert.Contains(_smtp.Messages, m => m.Subject == "月度巡检报告 · Jinjiang branch · 2026年11月");
        await using var db = await _dbs.CreateDbContextAsync();
        var bodies = await db.MailQueue.Select(m => m.TextBody).ToListAsync();
        Assert.Contains(bodies, b => b.Contains("将于 2026年12月20日 到期，距今 30 天", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.StartsWith("Trust Bank，您好：", StringComparison.Ordinal) && b.Contains("附件是Jinjiang branch 2026年11月的月度巡检报告", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, b => b.Contains("Dear", StringComparison.Ordinal));
        var html = await db.ArchivedReports.Where(a => a.SiteId == "site-a").Select(a => a.Html).SingleAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("设备完好率", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaints_NumberedPerMonth_AndChasedWhenOverdue()
    {
        var desk = new ComplaintService(_dbs, _mailer, new AfterSales.Cloud.Notifications.NotificationService(_dbs, TestWording.Notices("en"), new AfterSales.Cloud.Tickets.NotificationTenantStore(new AfterSales.Cloud.Sites.SiteStore()), _time, NullLogger<AfterSales.Cloud.Notifications.NotificationService>.Instance), Options.Create(new FeedbackOptions { SupervisorEmails = ["supervisor@svc.example"], ManagerEmails = ["manager@svc.example"] }), Calendars, TestWording.In("en"), _time, NullLogger<ComplaintService>.Instance);
        // 14:00 UTC is 22:00 in Beijing, still November there (numbers follow the local month).
        _time.SetUtcNow(At(11, 30, 14));
        var first = await desk.RegisterAsync(Tenants.Default, new("site-a", "Late again", ComplaintCause.LateArrival, ServiceAtFault: true), default);
        var second = await desk.RegisterAsync(Tenants.Default, new("site-b", "Dirty work", ComplaintCause.Workmanship, ServiceAtFault: true), default);
        _time.SetUtcNow(At(12, 1, 8));
        var december = await desk.RegisterAsync(Tenants.Default, new("site-a", "Rude", ComplaintCause.Attitude, ServiceAtFault: true), default);

        Assert.Equal(["2611-001", "2611-002", "2612-001"], new[] { first.Number, second.Number, december.Number });

        // 18 h after the November ones: both missed the 4 h answer → one reminder each, not repeated an hour later.
        Assert.Equal(2, await desk.ChaseAsync(default));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await desk.ChaseAsync(default));
        await _mailDelivery.DeliverDueAsync(default);
        Assert.All(_smtp.Messages, m => Assert.Equal(["supervisor@svc.example"], m.Recipients));

        await desk.UpdateAsync(Tenants.Default, second.Number, answered: true, fix: "Site cleaned, apology", default);
        _time.SetUtcNow(At(12, 2, 23));
        Assert.Equal(2, await desk.ChaseAsync(default)); // the first November one escalated past 48 h; the December one reminded
        await _mailDelivery.DeliverDueAsync(default);
        Assert.Contains(_smtp.Messages, m => m.Recipients.Contains("manager@svc.example") && m.Subject.Contains("2611-001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Survey_AnsweredOnceThroughItsToken()
    {
        var desk = new SurveyService(_dbs, _mailer, TestWording.In("en"), Calendars, _time);
        var survey = await desk.IssueAsync(Tenants.Default, "site-a", "tech-li", ticketId: null, inspectionJobId: null, default);

        Assert.Equal(SurveyAnswerResult.Invalid, await desk.AnswerAsync(survey.Token, 5, 4, 4, 4, null, default));
        Assert.Equal(SurveyAnswerResult.Saved, await desk.AnswerAsync(survey.Token, 4, 4, 3, 4, "Good", default));
        Assert.Equal(SurveyAnswerResult.AlreadyAnswered, await desk.AnswerAsync(survey.Token, 1, 1, 1, 1, null, default));
        Assert.Equal(SurveyAnswerResult.Unknown, await desk.AnswerAsync("guess", 4, 4, 4, 4, null, default));
        Assert.True(survey.Token.Length >= 32);
        Assert.Equal(3, (await desk.FindAsync(survey.Token, default))!.ArrivalTime);
    }

    [Fact]
    public async Task Retention_DeletesOldNoise_NeverAServiceRecord()
    {
        await Fault("site-a", "cam-1", FaultCodes.CameraOffline, At(11, 3, 10), At(11, 3, 13));
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            await db.DeskTimers.Where(t => t.FiredAt == null && t.CancelledAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.CancelledAt, At(11, 3, 14)));
            await db.Tickets.ExecuteUpdateAsync(u => u.SetProperty(t => t.ClosedAt, At(11, 3, 14)));
            db.RejectedMessages.Add(new RejectedMessage { Topic = "t/old", Reason = "schema", ReceivedAt = At(11, 3, 0), PayloadExcerpt = "{}" });
            db.RejectedMessages.Add(new RejectedMessage { Topic = "t/new", Reason = "schema", ReceivedAt = At(11, 3, 0).AddDays(80), PayloadExcerpt = "{}" });
            await db.SaveChangesAsync();
        }

        await using var before = await _dbs.CreateDbContextAsync();
        var records = (await before.Tickets.CountAsync(), await before.TicketAudit.CountAsync(), await before.Occurrences.CountAsync());
        Assert.True(await before.DeskTimers.AnyAsync());
        _time.SetUtcNow(At(11, 3, 14).AddDays(91));
        var retention = new Hosting.RetentionService(_dbs, Options.Create(new Hosting.RetentionOptions { NoiseDays = 90 }), _time, NullLogger<Hosting.RetentionService>.Instance);
        Assert.True(await retention.PurgeNoiseAsync(default) > 1);

        await using var after = await _dbs.CreateDbContextAsync();
        Assert.Equal(["t/new"], await after.RejectedMessages.Select(r => r.Topic).ToListAsync());
        Assert.False(await after.DeskTimers.AnyAsync());
        Assert.Equal(records, (await after.Tickets.CountAsync(), await after.TicketAudit.CountAsync(), await after.Occurrences.CountAsync()));
        Assert.Equal(0, await retention.PurgeNoiseAsync(default));
    }

    private async Task Fault(string site, string device, string fault, DateTimeOffset raised, DateTimeOffset cleared)
    {
        foreach (var (state, at) in new[] { (FaultState.Raised, raised), (FaultState.Cleared, cleared) })
        {
            _time.SetUtcNow(at);
            await _tickets.ApplyAsync(new FaultEvent
            {
                Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(at), SiteId = site, GatewayId = "gw-" + site, Seq = at.ToUnixTimeSeconds(),
                DeviceId = device, DeviceKind = DeviceKind.Camera, Fault = fault, State = state, Severity = FaultSeverity.Major, OccurredAt = at,
            }, default);
        }
    }

    private static SiteConfig Config(string site, int version, params (string Id, DeviceKind Kind)[] devices) => new()
    {
        Schema = SiteConfig.SchemaV1, SiteId = site, Version = version, IssuedAt = Nov1,
        Devices = [.. devices.Select(d => new SiteDevice { DeviceId = d.Id, DeviceKind = d.Kind })],
        Checks = new CheckSettings { HeartbeatIntervalS = 30 },
    };

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The report service as the host wires it, with the default targets and repeat window.</summary>
    /// <param name="culture">The company's language (the tests before localisation read English).</param>
    private MonthlyReportService Reports(string culture = "en") =>
        new MonthlyReportService(_dbs, _mailer, new DocumentHtmlService(NullLoggerFactory.Instance), new KpiTargetStore(_dbs, Options.Create(new KpiTargets())), Options.Create(new LifecycleOptions()), Calendars, TestWording.In(culture), _time, NullLogger<MonthlyReportService>.Instance);


    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants every report in order, at once.</summary>
    private sealed class SyncProgress(List<ReportProgress> seen) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => seen.Add(value);
    }
}

public sealed class SqliteServiceCycleTests : ServiceCycleTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aftersales-cycle-{Guid.NewGuid():N}.db");

    protected override Task<Func<CloudDb>> CreateDatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite($"Data Source={_file};Pooling=False").Options;
        return Task.FromResult<Func<CloudDb>>(() => new SqliteCloudDb(options));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_file);
    }
}

[Collection(PostgresGroup.Name)]
public sealed class PostgresServiceCycleTests(PostgresServer server) : ServiceCycleTests
{
    protected override async Task<Func<CloudDb>> CreateDatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<PostgresCloudDb>().UseNpgsql(await server.CreateDatabaseAsync(pooled: true)).Options;
        return () => new PostgresCloudDb(options);
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Parts;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Demo;

/// <summary>
/// Replays a month of service for every seeded site through the real services (ticket book,
/// inventory, inspections, feedback, parts) on a hand-moved clock, then generates its reports:
/// what <c>demo-history</c> runs so the demo opens with something to read. Deterministic.
/// </summary>
internal sealed class DemoHistory(IServiceProvider services)
{
    private static readonly (string Id, DeviceKind Kind, string Name)[] Devices =
    [
        ("panel", DeviceKind.Panel, "Alarm panel"), ("zone-1", DeviceKind.Zone, "Front door contact"), ("zone-2", DeviceKind.Zone, "Vault PIR"),
        ("cam-1", DeviceKind.Camera, "Entrance camera"), ("cam-2", DeviceKind.Camera, "Counter camera"), ("cam-3", DeviceKind.Camera, "Car park camera"),
        ("ptz-1", DeviceKind.Ptz, "Roof PTZ"), ("nvr-1", DeviceKind.Recorder, "Recorder"), ("psu-1", DeviceKind.Power, "Power supply"),
    ];

    private static readonly (string Device, string Fault, FaultSeverity Severity)[] Faults =
    [
        ("cam-1", FaultCodes.CameraOffline, FaultSeverity.Major), ("cam-2", FaultCodes.CameraVideoLoss, FaultSeverity.Major),
        ("cam-3", FaultCodes.CameraClockDrift, FaultSeverity.Minor), ("ptz-1", FaultCodes.PtzNoResponse, FaultSeverity.Major),
        ("nvr-1", FaultCodes.RecorderDiskFault, FaultSeverity.Critical), ("psu-1", FaultCodes.PowerMainsLoss, FaultSeverity.Major),
        ("panel", FaultCodes.PanelAcLoss, FaultSeverity.Major), ("zone-2", FaultCodes.ZoneTrouble, FaultSeverity.Major),
    ];

    /// <summary>History is replayed quietly: nobody is mailed about last month's surveys or complaints.</summary>
    private static MailService NoMail(IDbContextFactory<CloudDb> dbs, TimeProvider clock) => new(dbs, Options.Create(new MailOptions()), clock, NullLogger<MailService>.Instance);

    public async Task<ReportRun?> FillAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var dbs = services.GetRequiredService<IDbContextFactory<CloudDb>>();
        // The history month is the service company's local month (docs/local-time.md).
        var start = services.GetRequiredService<TenantCalendars>().Default.StartOf(month);
        var clock = new ManualClock(start);
        var random = new Random(2026);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ArchivedReport>().AnyAsync(a => a.Period == month, cancellationToken))
        {
            return null; // already filled: the demo keeps its history across restarts
        }

        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var technicians = await db.Technicians.AsNoTracking().Where(t => t.Active).Select(t => t.Id).ToListAsync(cancellationToken);
        await using var desk = DeskOnClock.Build(dbs, clock, services.GetRequiredService<IConfiguration>());
        var tickets = desk.GetRequiredService<TicketDeskService>();
        var inventory = new InventoryStore(dbs, clock);
        for (var s = 0; s < sites.Count; s++)
        {
            var site = sites[s];
            db.Add(new MaintenanceContract
            {
                Number = $"MC-{month.Year}-{s + 101}", SiteId = site.Id, StartsOn = month.AddMonths(-5), EndsOn = month.AddMonths(s == 0 ? 2 : 7).AddDays(-1),
                ContactEmails = $"security@{site.Id}.example", ContactName = site.Customer,
            });
            await inventory.ApplyConfigAsync(new SiteConfig
            {
                Schema = SiteConfig.SchemaV1, SiteId = site.Id, Version = 1, IssuedAt = start,
                Devices = [.. Devices.Take(6 + (s % 4)).Select(d => new SiteDevice { DeviceId = d.Id, DeviceKind = d.Kind, Name = d.Name, Model = "DEMO-" + d.Kind.ToString().ToUpperInvariant() })],
                Checks = new CheckSettings { HeartbeatIntervalS = 30 },
            }, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var planner = new InspectionPlanService(dbs, services.GetRequiredService<IOptions<InspectionOptions>>(), services.GetRequiredService<IOptions<LifecycleOptions>>(), services.GetRequiredService<TenantCalendars>(), services.GetRequiredService<Wording>(), clock, NullLogger<InspectionPlanService>.Instance);
        await planner.PlanAsync(Tenants.Default, month, cancellationToken);

        // Faults through the month: most clear within minutes or hours; a few run long.
        var events = new List<(DateTimeOffset At, FaultEvent Event)>();
        foreach (var site in sites)
        {
            var count = 2 + random.Next(5);
            for (var i = 0; i < count; i++)
            {
                var (device, fault, severity) = Faults[random.Next(Faults.Length)];
                var raised = start.AddMinutes(random.Next(60, 28 * 24 * 60));
                var minutes = random.NextDouble() < 0.2 ? random.Next(240, 1800) : random.Next(5, 150);
                events.Add((raised, Event(site.Id, device, fault, severity, FaultState.Raised, raised)));
                events.Add((raised.AddMinutes(minutes), Event(site.Id, device, fault, severity, FaultState.Cleared, raised.AddMinutes(minutes))));
            }
        }

        // The desk's own timers run as the month goes by: self-restore, re-dispatch, SLA warnings;
        // a fault still active half an hour after it was raised is worked by its technician.
        var timers = desk.GetRequiredService<TimerFiringService>();
        var field = new DemoFieldWork(dbs, desk.GetRequiredService<JobService>(), clock, new Random(7));
        foreach (var (at, e) in events.OrderBy(e => e.At))
        {
            await field.WorkDueAsync(at, timers, cancellationToken);
            clock.Now = at;
            await timers.FireDueAsync(cancellationToken);
            await tickets.ApplyAsync(e, cancellationToken);
            field.Notice(e);
        }

        await field.WorkDueAsync(start.AddMonths(1), timers, cancellationToken);

        clock.Now = start.AddMonths(1);
        await timers.FireDueAsync(cancellationToken);
        await InspectAsync(dbs, tickets, clock, month, random, cancellationToken);
        await MonthEndReviewAsync(dbs, desk.GetRequiredService<JobService>(), cancellationToken);
        await FeedbackAsync(dbs, services.GetRequiredService<TenantCalendars>(), clock, sites.Select(s => s.Id).ToList(), technicians.DefaultIfEmpty("li").ToList(), start, random, cancellationToken);
        await PartsAsync(dbs, clock, start, cancellationToken);

        clock.Now = start.AddMonths(1).AddHours(6);
        var reports = new MonthlyReportService(dbs, services.GetRequiredService<MailService>(), services.GetRequiredService<DocumentHtmlService>(), services.GetRequiredService<KpiTargetStore>(), services.GetRequiredService<IOptions<LifecycleOptions>>(), services.GetRequiredService<TenantCalendars>(), services.GetRequiredService<Wording>(), clock, NullLogger<MonthlyReportService>.Instance);
        return await reports.RunMonthAsync(Tenants.Default, month, force: true, new Progress<ReportProgress>(p => Console.WriteLine($"  report {p.Done}/{p.Total} {p.SiteId}")), cancellationToken);
    }

    private static FaultEvent Event(string site, string device, string fault, FaultSeverity severity, FaultState state, DateTimeOffset at) => new()
    {
        Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(at), SiteId = site, GatewayId = "gw-" + site["site-".Length..], Seq = at.ToUnixTimeMilliseconds(),
        DeviceId = device, DeviceKind = Devices.Single(d => d.Id == device).Kind, Fault = fault, State = state, Severity = severity, OccurredAt = at,
    };

    /// <summary>
    /// The dispatcher's month-end review: a replayed ticket still unfinished (never dispatched, left
    /// resolved without a signature, or an inspection defect) is closed or cancelled with a reason, so the demo opens on
    /// today's board and not on last month's leftovers hundreds of hours overdue.
    /// </summary>
    private static async Task MonthEndReviewAsync(IDbContextFactory<CloudDb> dbs, JobService jobs, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var open = await db.Tickets.AsNoTracking()
            .Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled)
            .Join(db.Sites, t => t.SiteId, s => s.Id, (t, s) => new { t.Id, t.Status, s.TenantId })
            .ToListAsync(cancellationToken);
        foreach (var t in open)
        {
            var dispatcher = new DeskUser("dispatch", ApiKeyRoles.Dispatcher, t.TenantId, null, null);
            try
            {
                _ = t.Status == TicketStatus.Resolved
                    ? await jobs.CloseAsync(t.Id, dispatcher, cancellationToken)
                    : await jobs.CancelAsync(t.Id, dispatcher, "month-end review: handled on site, no further visit needed", cancellationToken);
            }
            catch (WorkflowRefusedException)
            {
                // A state the review may not end (none expected): it stays for the dispatcher.
            }
        }
    }

    private async Task InspectAsync(IDbContextFactory<CloudDb> dbs, TicketDeskService tickets, ManualClock clock, DateOnly month, Random random, CancellationToken cancellationToken)
    {
        var desk = new InspectionService(dbs, tickets, new SurveyService(dbs, NoMail(dbs, clock), services.GetRequiredService<Wording>(), services.GetRequiredService<TenantCalendars>(), clock), clock, NullLogger<InspectionService>.Instance);
        var jobs = await desk.ForTechnicianAsync(Tenants.Default, null, month, cancellationToken);
        foreach (var job in jobs)
        {
            clock.Now = new DateTimeOffset(job.ScheduledFor.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
            foreach (var item in job.Items.OrderBy(i => i.Position))
            {
                clock.Now = clock.Now.AddMinutes(4);
                var fail = item.Label == "Joints and terminations" && random.NextDouble() < 0.5;
                var result = item.Label == "Operation by the customer" ? ItemResult.NotApplicable : fail ? ItemResult.Fail : ItemResult.Pass;
                await desk.RecordAsync(job.Id, item.Id, result, fail ? "Corroded BNC joint; re-terminate" : item.Flagged ? "Checked after the faults this month; working" : null, cancellationToken);
            }

            await desk.CompleteAsync(job.Id, "System in good order; customer's duty officer signed the sheet.", cancellationToken);
        }
    }

    private async Task FeedbackAsync(IDbContextFactory<CloudDb> dbs, TenantCalendars calendars, ManualClock clock, List<string> sites, List<string> technicians, DateTimeOffset start, Random random, CancellationToken cancellationToken)
    {
        var surveys = new SurveyService(dbs, NoMail(dbs, clock), services.GetRequiredService<Wording>(), services.GetRequiredService<TenantCalendars>(), clock);
        string[] comments = ["Quick and tidy work.", "Arrived later than promised.", "Explained everything clearly.", ""];
        foreach (var site in sites)
        {
            for (var i = 0; i < 2; i++)
            {
                clock.Now = start.AddDays(5 + (i * 11) + random.Next(3)).AddHours(15);
                var survey = await surveys.IssueAsync(Tenants.Default, site, technicians[random.Next(technicians.Count)], null, null, cancellationToken);
                clock.Now = clock.Now.AddHours(3);
                int Level() => random.NextDouble() < 0.75 ? 4 : 2 + random.Next(2);
                await surveys.AnswerAsync(survey.Token, Level(), Level(), Level(), Level(), comments[random.Next(comments.Length)], cancellationToken);
            }
        }

        var complaints = new ComplaintService(dbs, NoMail(dbs, clock), new Notifications.NotificationService(dbs, services.GetRequiredService<Notifications.NoticeLanguageStore>(), new NotificationTenantStore(services.GetRequiredService<SiteStore>()), clock, NullLogger<Notifications.NotificationService>.Instance), Options.Create(new FeedbackOptions()), calendars, services.GetRequiredService<Wording>(), clock, NullLogger<ComplaintService>.Instance);
        clock.Now = start.AddDays(17).AddHours(10);
        var complaint = await complaints.RegisterAsync(Tenants.Default, new(sites[^1], "The technician arrived an hour after the time he gave on the phone.", ComplaintCause.LateArrival, ServiceAtFault: true, TechnicianId: technicians[0]), cancellationToken);
        clock.Now = clock.Now.AddHours(2);
        await complaints.UpdateAsync(Tenants.Default, complaint.Number, answered: true, fix: null, cancellationToken);
        clock.Now = clock.Now.AddHours(20);
        await complaints.UpdateAsync(Tenants.Default, complaint.Number, answered: true, fix: "Route planning changed; supervisor visited the customer", cancellationToken);
    }

    private static async Task PartsAsync(IDbContextFactory<CloudDb> dbs, ManualClock clock, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var parts = new PartsStore(dbs, clock);
        clock.Now = start.AddDays(1);
        PartMove[] moves =
        [
            new() { Kind = PartMoveKind.Receive, PartNumber = "HDD-4TB", Quantity = 6, From = StockPlaces.Supplier, To = StockPlaces.Warehouse("chengdu") },
            new() { Kind = PartMoveKind.Receive, PartNumber = "PSU-12V-5A", Quantity = 10, From = StockPlaces.Supplier, To = StockPlaces.Warehouse("chengdu") },
            new() { Kind = PartMoveKind.Transfer, PartNumber = "PSU-12V-5A", Quantity = 3, From = StockPlaces.Warehouse("chengdu"), To = StockPlaces.Van("tech-li") },
        ];
        foreach (var move in moves)
        {
            await parts.RecordAsync(Tenants.Default, "demo", move, cancellationToken);
        }
    }
}

using AfterSales.Cloud.Calendar;
using System.Diagnostics;
using System.Globalization;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AfterSales.Benchmarks;

/// <summary>
/// A month's reports for N sites on SQLite: each site with 8 devices, 6 tickets with their
/// events, and a completed 17-item inspection. Prints the run's wall time, per report, and the
/// share spent in layout and PDF rendering alone.
/// </summary>
internal static class ReportBenchmark
{
    private static readonly DateOnly Month = new(2026, 10, 1);

    public static async Task RunAsync(int sites)
    {
        var file = Path.Combine(Path.GetTempPath(), $"aftersales-bench-reports-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite($"Data Source={file}").Options;
        var dbs = new Factory(() => new SqliteCloudDb(options));
        try
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(dbs, sites);
            Console.WriteLine($"seeded {sites} sites in {seeding.Elapsed.TotalSeconds:0.0} s");

            var time = new FixedClock(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
            var html = new DocumentHtmlService(NullLoggerFactory.Instance);
            var texts = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
            var reports = new MonthlyReportService(dbs, new MailService(dbs, Options.Create(new MailOptions()), time, NullLogger<MailService>.Instance), html, new KpiTargetStore(dbs, Options.Create(new KpiTargets())), Options.Create(new LifecycleOptions()), new TenantCalendars(new LocalTimeOptions()), new Wording(new StringLocalizer<Strings>(texts), Options.Create(new CultureOptions())), time, NullLogger<MonthlyReportService>.Instance);
            var run = Stopwatch.StartNew();
            var done = await reports.RunMonthAsync(AfterSales.Cloud.Auth.Tenants.Default, Month, force: false, progress: null, CancellationToken.None);
            run.Stop();

            await using var db = dbs.CreateDbContext();
            var bytes = await db.ArchivedReports.SumAsync(a => (long)a.Pdf.Length);
            var inputs = await ReportInputStore.LoadAsync(db, new TenantCalendars(new LocalTimeOptions()), "site-00001", Month, time.GetUtcNow(), new LifecycleOptions(), CancellationToken.None);
            var text = texts.Create(typeof(Strings));
            var render = Stopwatch.StartNew();
            const int renders = 50;
            for (var i = 0; i < renders; i++)
            {
                var report = MonthlyReportBuilder.Build(inputs!, Month, time.GetUtcNow(), new TenantCalendars(new LocalTimeOptions()).Default);
                var document = MonthlyReportComposer.Compose(report, new KpiTargets(), text);
                DocumentPdf.Render(document);
                await html.RenderAsync(document);
            }

            render.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"""
                monthly reports: {done!.Done} of {done.Total} generated, archived (PDF + HTML) in {run.Elapsed.TotalSeconds:0.0} s
                per report: {run.Elapsed.TotalMilliseconds / done.Done:0.0} ms (load, compute, render, store, progress)
                compute + PDF + HTML alone: {render.Elapsed.TotalMilliseconds / renders:0.0} ms per report
                average PDF: {bytes / done.Done / 1024.0:0} KiB
                """));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task SeedAsync(Factory dbs, int count)
    {
        await using (var db = dbs.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var start = new DateTimeOffset(Month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var random = new Random(7);
        DeviceKind[] kinds = [DeviceKind.Panel, DeviceKind.Zone, DeviceKind.Zone, DeviceKind.Camera, DeviceKind.Camera, DeviceKind.Camera, DeviceKind.Recorder, DeviceKind.Power];
        for (var batch = 0; batch < count; batch += 100)
        {
            await using var db = dbs.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var n in Enumerable.Range(batch + 1, Math.Min(100, count - batch)))
            {
                var id = $"site-{n:00000}";
                db.Sites.Add(new Site { Id = id, Name = $"Site {n}", Customer = $"Customer {n}" });
                db.Contracts.Add(new MaintenanceContract { Number = $"MC-{n:00000}", SiteId = id, StartsOn = new(2026, 1, 1), EndsOn = new(2026, 12, 31) });
                var devices = kinds.Select((k, i) => new InventoryDevice { SiteId = id, DeviceId = $"{k.ToString().ToLowerInvariant()}-{i}", Kind = k }).ToList();
                db.InventoryDevices.AddRange(devices);
                for (var t = 0; t < 6; t++)
                {
                    var device = devices[random.Next(devices.Count)];
                    var opened = start.AddMinutes(random.Next(0, 30 * 24 * 60));
                    var restored = opened.AddMinutes(random.Next(5, 600));
                    // Each fault cleared by itself and closed as self-restored half an hour later, the way the desk books it.
                    var raised = new FaultEvent
                    {
                        Schema = FaultEvent.SchemaV1, EventId = Guid.NewGuid(), SiteId = id, GatewayId = "gw-" + id, Seq = 0, DeviceId = device.DeviceId, DeviceKind = device.Kind,
                        Fault = "camera.offline", State = FaultState.Raised, Severity = FaultSeverity.Major, OccurredAt = opened,
                    };
                    var cleared = raised with { EventId = Guid.NewGuid(), State = FaultState.Cleared, OccurredAt = restored };
                    var ticket = Ticket.Open(raised, opened, new ArrivalAssessment(null, "ring-2", null, null, false, string.Empty));
                    ticket.SetDeadlines(false, opened.AddHours(3), null);
                    ticket.RecordRestore(cleared);
                    ticket.SelfRestore(restored.AddMinutes(30));
                    ticket.Occurrences.Add(new TicketOccurrence { EventId = raised.EventId, SiteId = id, DeviceId = device.DeviceId, Fault = "camera.offline", State = FaultState.Raised, OccurredAt = opened, ReceivedAt = opened });
                    ticket.Occurrences.Add(new TicketOccurrence { EventId = cleared.EventId, SiteId = id, DeviceId = device.DeviceId, Fault = "camera.offline", State = FaultState.Cleared, OccurredAt = restored, ReceivedAt = restored });
                    db.Tickets.Add(ticket);
                }

                var job = InspectionJob.Plan(id, Month, "tech-1", new(2026, 10, 5), start);
                job.Items.AddRange(ChecklistBuilder.Build(devices, new Dictionary<string, DeviceTelemetry>(), new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance))).Select(i => { i.Result = ItemResult.Pass; return i; }));
                job.Complete(null, start.AddDays(5));
                db.InspectionJobs.Add(job);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }

    private sealed class Factory(Func<CloudDb> create) : IDbContextFactory<CloudDb>
    {
        public CloudDb CreateDbContext() => create();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

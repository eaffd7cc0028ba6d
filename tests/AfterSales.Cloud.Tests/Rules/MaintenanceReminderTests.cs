using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Rules;

/// <summary>The two-week reminder of a scheduled maintenance visit (docs/service-rules.md §3.4), on a fake clock and a real database.</summary>
public sealed class MaintenanceReminderTests
{
    private static readonly DateOnly Visit = new(2026, 12, 15);

    [Fact]
    public async Task Reminder_FourteenDaysBeforeTheVisit_GoesToTheContactOnce()
    {
        using var database = await SqliteTestDatabase.CreateAsync();
        // 16:30 UTC on 30 November is already 1 December in Beijing: the company's local day counts.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        var service = new MaintenanceReminderService(database, new NotificationService(database, TestWording.Notices("en"), new AfterSales.Cloud.Tickets.NotificationTenantStore(new AfterSales.Cloud.Sites.SiteStore()), time, NullLogger<NotificationService>.Instance),
            new TenantCalendars(new LocalTimeOptions()), time, NullLogger<MaintenanceReminderService>.Instance);
        long visitId;
        await using (var db = database.CreateDbContext())
        {
            db.Add(new Site { Id = "s1", Name = "Jewellery store", ContactPhone = "+86 28 8000 0001" });
            db.Add(new Site { Id = "s2", Name = "Bank branch", ContactPhone = "+86 28 8000 0002" });
            var visit = InspectionJob.Plan("s1", new DateOnly(2026, 12, 1), "li", Visit, time.GetUtcNow());
            db.Add(visit);
            var done = InspectionJob.Plan("s2", new DateOnly(2026, 12, 1), "li", Visit, time.GetUtcNow());
            db.Add(done);
            done.Complete("done early at the customer's request", time.GetUtcNow()); // a visit already done needs no reminder
            await db.SaveChangesAsync();
            visitId = visit.Id;
        }

        Assert.Equal(0, await service.RemindAsync(default)); // 15 days ahead, local time
        time.Advance(TimeSpan.FromHours(1.5)); // 00:30 on 1 December in Beijing: 14 days ahead
        Assert.Equal(1, await service.RemindAsync(default));
        Assert.Equal(0, await service.RemindAsync(default)); // once per visit
        time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await service.RemindAsync(default));

        await using var check = database.CreateDbContext();
        var notice = await check.Set<Notification>().Include(n => n.Deliveries).SingleAsync();
        Assert.Equal(Recipients.Customer("s1"), notice.Recipient);
        Assert.Contains("2026-12-15", notice.Message, StringComparison.Ordinal);
        Assert.Equal(("+86 28 8000 0001", NotificationChannel.Sms), (notice.Deliveries.Single().Address, notice.Deliveries.Single().Channel));
        Assert.NotNull((await check.Set<InspectionJob>().SingleAsync(j => j.Id == visitId)).ReminderSentAt);
    }

    [Fact]
    public void Due_FromFourteenDaysBeforeUntilTheDay_NotAfterNorOnceSent()
    {
        var job = InspectionJob.Plan("s1", new DateOnly(2026, 12, 1), null, Visit, DateTimeOffset.UnixEpoch);
        Assert.False(MaintenanceReminderRules.Due(job, Visit.AddDays(-15)));
        Assert.True(MaintenanceReminderRules.Due(job, Visit.AddDays(-14)));
        Assert.True(MaintenanceReminderRules.Due(job, Visit));
        Assert.False(MaintenanceReminderRules.Due(job, Visit.AddDays(1)));
        job.Reminded(DateTimeOffset.UnixEpoch);
        Assert.False(MaintenanceReminderRules.Due(job, Visit.AddDays(-3)));
    }
}

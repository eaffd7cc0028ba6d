using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Desk;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Notifications;

/// <summary>
/// Each message is written in its reader's language (docs/localization.md): a technician who chose English
/// reads English, the customer and a technician without an account read the company's Chinese — through
/// the real desk, on a migrated database.
/// </summary>
public sealed class NoticeLanguageTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private const string SiteName = "锦江支行营业部";
    private readonly FakeTimeProvider _time = new(T0);
    private SqliteTestDatabase _dbs = null!;
    private ServiceProvider _services = null!;
    private HttpSink _sink = null!;

    public async Task InitializeAsync()
    {
        _dbs = await SqliteTestDatabase.CreateAsync();
        await using (var db = _dbs.CreateDbContext())
        {
            db.ServiceCentres.Add(new ServiceCentre { Id = "centre", Name = "Centre", Latitude = 31.0, Longitude = 121.0 });
            db.Sites.Add(new Site { Id = "site-a", Name = SiteName, Customer = "成都信托银行", Address = "红星路一段一号", Latitude = 31.02, Longitude = 121.0, ContactPhone = "+86 28 8000 0001" });
            db.Technicians.AddRange(
                new Technician { Id = "li", Name = "Li", Skills = "alarm,cctv,power", BaseLatitude = 31.01, BaseLongitude = 121.0 },
                new Technician { Id = "wang", Name = "王强", Skills = "alarm,cctv,power", BaseLatitude = 30.9, BaseLongitude = 121.0 });
            db.Users.Add(new UserAccount { UserName = "li", DisplayName = "Li", PasswordHash = "-", Role = ApiKeyRoles.Technician, TechnicianId = "li", Culture = "en" });
            await db.SaveChangesAsync();
        }

        _sink = await HttpSink.StartAsync();
        _services = DeskServices.Build(_dbs, _time, new Dictionary<string, string?>
        {
            ["Localization:DefaultCulture"] = "zh-CN",
            ["Notifications:PublicBaseUrl"] = "https://svc.example",
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sink.DisposeAsync();
        _dbs.Dispose();
    }

    [Fact]
    public async Task JobOffer_ToATechnicianWhoChoseEnglish_IsEnglish_AndTheEtaToTheCustomer_IsChinese()
    {
        var id = await RaiseAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await _services.GetRequiredService<JobService>().AcceptAsync(id, new DeskUser("li", ApiKeyRoles.Technician, Tenants.Default, "li", null), 40, default));

        var notices = await NoticesAsync();
        var offer = Assert.Single(notices, n => n.Kind == NoticeKind.JobOffered);
        Assert.Equal(Recipients.Technician("li"), offer.Recipient);
        Assert.StartsWith($"New job {id}: zone.tamper on zone-1 at {SiteName}", offer.Message, StringComparison.Ordinal);
        var eta = Assert.Single(notices, n => n.Kind == NoticeKind.CustomerEta);
        Assert.Equal($"Li 正在前往{SiteName}（工单 {id}），预计 11-23 10:45 到达。", eta.Message);

        // The title and link line are added when the message is sent, in the same language as its text.
        await using var db = _dbs.CreateDbContext();
        var store = _services.GetRequiredService<NoticeLanguageStore>();
        var delivery = new NotificationDelivery { Channel = NotificationChannel.WebPush, Address = "push" };
        using (store.Use(db, offer.Recipient))
        {
            var envelope = NoticeTextComposer.Compose(offer, delivery, "https://svc.example", store.Text);
            Assert.Equal($"New job {id}", envelope.Title);
            Assert.Contains(" Open: https://svc.example/n/", envelope.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JobOffer_ToATechnicianWithoutAnAccount_IsInTheCompanysChinese()
    {
        await using (var db = _dbs.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == "li").ExecuteDeleteAsync();
            await db.Technicians.Where(t => t.Id == "li").ExecuteDeleteAsync();
        }

        var id = await RaiseAsync();

        var offer = Assert.Single(await NoticesAsync(), n => n.Kind == NoticeKind.JobOffered);
        Assert.Equal(Recipients.Technician("wang"), offer.Recipient);
        Assert.StartsWith($"新工单 {id}：{SiteName}（红星路一段一号）的 zone-1 防区防拆报警。", offer.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("New job", offer.Message, StringComparison.Ordinal);
        await using var read = _dbs.CreateDbContext();
        var store = _services.GetRequiredService<NoticeLanguageStore>();
        using (store.Use(read, offer.Recipient))
        {
            var envelope = NoticeTextComposer.Compose(offer, new NotificationDelivery { Channel = NotificationChannel.WebPush, Address = "push" }, "https://svc.example", store.Text);
            Assert.Equal($"新工单 {id}", envelope.Title);
            Assert.Contains("打开：https://svc.example/n/", envelope.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WeComText_ToAChineseAndToAnEnglishTechnician_ArrivesInTheirLanguage()
    {
        await using (var db = _dbs.CreateDbContext())
        {
            var notices = _services.GetRequiredService<NotificationService>();
            foreach (var technician in new[] { "wang", "li" })
            {
                notices.SendTo(db, Recipients.Technician(technician), NoticeKind.SlaWarning, 7,
                    T => T["Ticket {0} {1} at {2}: SLA warning: {3} % of the arrival time used.", 7, T["panel.ac_loss"], SiteName, 75],
                    NotificationChannel.WeCom, _sink.Url("/wecom/" + technician), Tenants.Default);
            }

            await db.SaveChangesAsync();
        }

        await _services.GetRequiredService<NotificationDeliveryService>().DeliverDueAsync(default);

        var chinese = _sink.Requests.Single(r => r.Path == "/wecom/wang").Json["text"]!["content"]!.GetValue<string>();
        Assert.Equal($"工单 7（{SiteName}，主机交流掉电）：时限预警，到场时限已用 75%。", chinese);
        var english = _sink.Requests.Single(r => r.Path == "/wecom/li").Json["text"]!["content"]!.GetValue<string>();
        Assert.Equal($"Ticket 7 panel.ac_loss at {SiteName}: SLA warning: 75 % of the arrival time used.", english);
    }

    private async Task<long> RaiseAsync()
    {
        await _services.GetRequiredService<TicketDeskService>().ApplyAsync(new FaultEvent
        {
            Schema = FaultEvent.SchemaV1,
            EventId = Guid.CreateVersion7(),
            SiteId = "site-a",
            GatewayId = "gw-site-a",
            Seq = 1,
            DeviceId = "zone-1",
            DeviceKind = DeviceKind.Zone,
            Fault = FaultCodes.ZoneTamper,
            State = FaultState.Raised,
            Severity = FaultSeverity.Major,
            OccurredAt = _time.GetUtcNow(),
        }, default);
        await using var db = _dbs.CreateDbContext();
        return await db.Tickets.Select(t => t.Id).SingleAsync();
    }

    private async Task<List<Notification>> NoticesAsync()
    {
        await using var db = _dbs.CreateDbContext();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }
}

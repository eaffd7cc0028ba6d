using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Desk;

/// <summary>The whole desk — lifecycle, SLA timers, correlation, dispatch — on a real migrated database and a fake clock.</summary>
public abstract class DeskWorkflowTests : IAsyncLifetime
{
    private const double KmPerDegree = 111.195;

    // Monday 23 November 2026, 10:00 in Shanghai: business hours, so business-hours technicians are on duty.
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DeskUser Li = new("li", ApiKeyRoles.Technician, Tenants.Default, "li", null);
    private static readonly DeskUser Wang = new("wang", ApiKeyRoles.Technician, Tenants.Default, "wang", null);
    private static readonly DeskUser Dispatcher = new("disp", ApiKeyRoles.Dispatcher, Tenants.Default, null, null);

    private readonly FakeTimeProvider _time = new(T0);
    private IDbContextFactory<CloudDb> _dbs = null!;
    private ServiceProvider _services = null!;
    private long _seq;

    protected abstract Task<Func<CloudDb>> CreateDatabaseAsync();

    private TicketDeskService Desk => _services.GetRequiredService<TicketDeskService>();

    private JobService Jobs => _services.GetRequiredService<JobService>();

    private TimerFiringService Timers => _services.GetRequiredService<TimerFiringService>();

    public async Task InitializeAsync()
    {
        _dbs = new FuncDbFactory(await CreateDatabaseAsync());
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            db.ServiceCentres.Add(new ServiceCentre { Id = "centre", Name = "Centre", Latitude = 31.0, Longitude = 121.0 });
            db.Sites.AddRange(North("site-a", 3), North("site-b", 4), North("site-far", 250));
            db.Technicians.AddRange(
                new Technician { Id = "li", Name = "Li", Skills = "alarm,cctv,power", BaseLatitude = 31.0 + (2 / KmPerDegree), BaseLongitude = 121.0 },
                new Technician { Id = "wang", Name = "Wang", Skills = "alarm,cctv", BaseLatitude = 31.0 - (10 / KmPerDegree), BaseLongitude = 121.0 },
                new Technician { Id = "zhao", Name = "Zhao", Skills = "cctv", BaseLatitude = 31.0 + (3 / KmPerDegree), BaseLongitude = 121.0 });
            await db.SaveChangesAsync();
        }

        _services = DeskServices.Build(_dbs, _time);
    }

    public virtual async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Raise_NearestQualifiedOnDuty_IsDispatchedNotifiedAndAudited()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);

        var ticket = await SingleTicketAsync();
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("li", ticket.TechnicianId);
        Assert.Equal(T0 + TimeSpan.FromHours(2), ticket.ArrivalDueAt);
        Assert.Equal(T0 + TimeSpan.FromHours(4), ticket.ResolutionDueAt);
        Assert.Equal(T0 + TimeSpan.FromMinutes(15), ticket.AcknowledgeDueAt);
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Technician("li") && n.Message.Contains("New job", StringComparison.Ordinal));
        Assert.Equal(["opened", "deadlines set", "dispatched"], (await AuditAsync(ticket.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Accept_WithEta_RecordsItAndTextsTheCustomerTheLocalArrivalTime()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await Jobs.AcceptAsync(id, Li, 40, default));

        var ticket = await SingleTicketAsync();
        Assert.Equal(T0 + TimeSpan.FromMinutes(45), ticket.PromisedArrivalAt);
        var sms = Assert.Single(await NotificationsAsync(), n => n.Kind == NoticeKind.CustomerEta);
        Assert.Equal(Recipients.Customer("site-a"), sms.Recipient);
        // T0 is 10:00 in Shanghai: the customer reads local time.
        Assert.Equal("Li is on the way to site-a (job " + id + ") and expects to arrive at 10:45 on 11-23.", sms.Message);
        await using var db = await _dbs.CreateDbContextAsync();
        var delivery = await db.NotificationDeliveries.SingleAsync(d => d.NotificationId == sms.Id);
        Assert.Equal((NotificationChannel.Sms, "+86 21 5555 0000"), (delivery.Channel, delivery.Address));
        Assert.Contains(await AuditAsync(id), a => a.Detail == "customer called; expected on site at 02:45 UTC");
    }

    [Fact]
    public async Task Accept_EtaOutOfRange_IsRefusedAndTheJobStaysOffered()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();

        var refused = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.AcceptAsync(id, Li, 0, default));

        Assert.Contains("between 1 and 1440 minutes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Dispatched, (await SingleTicketAsync()).Status);
        Assert.DoesNotContain(await NotificationsAsync(), n => n.Kind == NoticeKind.CustomerEta);
    }

    [Fact]
    public async Task CustomerCall_OpensATicketWhoseClockStartsAtTheCall_DispatchedWithTheCallKept()
    {
        var calls = _services.GetRequiredService<CustomerCallService>();

        var id = await calls.RecordAsync(new CustomerCallForm("site-a", null, DeviceKind.Panel, FaultSeverity.Major, "Keypad shows 'system trouble' and beeps", "Mr Chen", "+86 139 1234 5678", MinutesAgo: 10), Dispatcher, default);

        var ticket = await SingleTicketAsync();
        Assert.Equal(id, ticket.Id);
        Assert.Equal(CloudFaults.CustomerReport, ticket.Fault);
        Assert.Equal("reported-panel", ticket.DeviceId);
        Assert.Equal(T0 - TimeSpan.FromMinutes(10), ticket.OpenedAt);
        Assert.Equal(T0 - TimeSpan.FromMinutes(10) + TimeSpan.FromHours(2), ticket.ArrivalDueAt);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("li", ticket.TechnicianId);
        var call = Assert.Single(await calls.ForTicketAsync(id, default));
        Assert.Equal(("Mr Chen", "+86 139 1234 5678", "disp"), (call.CallerName, call.CallbackPhone, call.RecordedBy));
        var audit = await AuditAsync(id);
        Assert.Equal(Actor.CustomerCall, audit[0].Actor);
        Assert.Contains(audit, a => a.Action == "customer call" && a.Detail!.Contains("Keypad shows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CustomerCall_SecondCallAboutTheSameDevice_JoinsTheOpenTicket()
    {
        var calls = _services.GetRequiredService<CustomerCallService>();
        var first = await calls.RecordAsync(new CustomerCallForm("site-a", null, DeviceKind.Camera, FaultSeverity.Major, "Camera 3 black", "Mr Chen", "13912345678"), Dispatcher, default);
        _time.Advance(TimeSpan.FromMinutes(20));

        var second = await calls.RecordAsync(new CustomerCallForm("site-a", null, DeviceKind.Camera, FaultSeverity.Critical, "Still black, now camera 4 too", "Ms Wu", "13800000000"), Dispatcher, default);

        Assert.Equal(first, second);
        Assert.Equal(2, (await calls.ForTicketAsync(first, default)).Count);
        Assert.Equal(T0, (await SingleTicketAsync()).OpenedAt);
    }

    [Fact]
    public async Task CustomerCall_IncompleteOrForeign_IsRefusedWithEveryProblemAndNothingStored()
    {
        var calls = _services.GetRequiredService<CustomerCallService>();

        var blank = await Assert.ThrowsAsync<CallRefusedException>(() => calls.RecordAsync(new CustomerCallForm("site-a", null, null, FaultSeverity.Major, " ", null, "call me", MinutesAgo: -5), Dispatcher, default));
        var foreign = await Assert.ThrowsAsync<CallRefusedException>(() => calls.RecordAsync(new CustomerCallForm("site-a", null, DeviceKind.Panel, FaultSeverity.Major, "x", "y", "13800000000"), Dispatcher with { TenantId = "other" }, default));
        var device = await Assert.ThrowsAsync<CallRefusedException>(() => calls.RecordAsync(new CustomerCallForm("site-a", "cam-99", null, FaultSeverity.Major, "x", "y", "13800000000"), Dispatcher, default));

        Assert.Equal(5, blank.Problems.Count);
        Assert.Contains(blank.Problems, p => p.StartsWith("Callback number:", StringComparison.Ordinal));
        Assert.Contains("No site 'site-a' in your company.", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("has no device 'cam-99'", device.Message, StringComparison.Ordinal);
        await using var db = await _dbs.CreateDbContextAsync();
        Assert.Empty(await db.Tickets.ToListAsync());
        Assert.Empty(await db.CustomerCalls.ToListAsync());
    }

    [Fact]
    public async Task JobNoticeUndelivered_JobMovesOnAtOnceAndTheAuditSaysWhy()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = HttpSink.Status(404, "no such robot");
        await _services.GetRequiredService<NotificationRouteStore>().AddAsync("default", Recipients.Technician("li"), null, NotificationChannel.WeCom, sink.Url("/wecom"), null, default);
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);

        await _services.GetRequiredService<NotificationDeliveryService>().DeliverDueAsync(default);
        await Timers.FireDueAsync(default);

        var ticket = await SingleTicketAsync();
        Assert.Equal("wang", ticket.TechnicianId);
        Assert.Contains(await AuditAsync(ticket.Id), a => a.Detail is { } d && d.Contains("job notice undelivered", StringComparison.Ordinal) && d.Contains("HTTP 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JobNoticeDeliveredNeverOpened_MovesOnAtTheAcceptWindowAndSaysSo()
    {
        await using var sink = await HttpSink.StartAsync();
        await _services.GetRequiredService<NotificationRouteStore>().AddAsync("default", Recipients.Technician("li"), null, NotificationChannel.WeCom, sink.Url("/wecom"), null, default);
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        await _services.GetRequiredService<NotificationDeliveryService>().DeliverDueAsync(default);

        await AdvanceAndFireAsync(TimeSpan.FromMinutes(5));
        Assert.Equal("li", (await SingleTicketAsync()).TechnicianId);
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(5));

        var ticket = await SingleTicketAsync();
        Assert.Equal("wang", ticket.TechnicianId);
        Assert.Contains(await AuditAsync(ticket.Id), a => a.Detail == "not accepted in time (job notice delivered, never opened)");
    }

    [Fact]
    public async Task NotAccepted_RedispatchedToNextThenEscalatedWhenNobodyIsLeft()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);

        await AdvanceAndFireAsync(TimeSpan.FromMinutes(10));
        var ticket = await SingleTicketAsync();
        Assert.Equal("wang", ticket.TechnicianId);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);

        await AdvanceAndFireAsync(TimeSpan.FromMinutes(10));
        ticket = await SingleTicketAsync();
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.TechnicianId);
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Supervisor && n.Message.Contains("nobody can be dispatched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalations_WaitingTogether_GoOutAsOneMessagePerPerson_ALaterOneStandsAlone()
    {
        // Nobody has the PTZ skill: each of these tickets is escalated, each with its own audit line and message.
        await RaiseAsync("site-a", "ptz-1", DeviceKind.Ptz, FaultCodes.PtzNoResponse);
        _time.Advance(TimeSpan.FromMinutes(1));
        await RaiseAsync("site-a", "ptz-2", DeviceKind.Ptz, FaultCodes.PtzNoResponse);
        await RaiseAsync("site-b", "ptz-3", DeviceKind.Ptz, FaultCodes.PtzNoResponse);
        List<Ticket> tickets;
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            tickets = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        }

        Assert.Equal(3, tickets.Count);
        foreach (var ticket in tickets)
        {
            Assert.Contains(OnDutyRedispatchService.EscalatedAction, (await AuditAsync(ticket.Id)).Select(a => a.Action));
        }

        Assert.Equal(3, (await NotificationsAsync()).Count(n => n.Recipient == Recipients.Supervisor));

        // The delivery worker takes the first and gathers the two behind it (no route here, so the one message fails with that reason).
        var delivery = _services.GetRequiredService<NotificationDeliveryService>();
        await delivery.DeliverDueAsync(default);
        foreach (var role in new[] { Recipients.Supervisor, Recipients.Dispatcher })
        {
            var messages = (await NotificationsAsync()).Where(n => n.Recipient == role).ToList();
            var carrier = messages[0];
            Assert.Equal((3, NotificationStatus.Failed), (carrier.Gathered, carrier.Status));
            Assert.StartsWith($"3 tickets could not be dispatched since 10:00; assign them by hand on the desk. The latest: Ticket {tickets[2].Id} ", carrier.Message, StringComparison.Ordinal);
            Assert.Contains("nobody available has the ptz skill", carrier.Message, StringComparison.Ordinal);
            Assert.All(messages.Skip(1), n => Assert.Equal((NotificationStatus.Gathered, carrier.Id), (n.Status, n.GatheredIntoId)));
        }

        // Once it went out, the next escalation is a message of its own, worded as before.
        await RaiseAsync("site-b", "ptz-4", DeviceKind.Ptz, FaultCodes.PtzNoResponse);
        await delivery.DeliverDueAsync(default);
        var last = (await NotificationsAsync()).Last(n => n.Recipient == Recipients.Supervisor);
        Assert.Equal((1, NotificationStatus.Failed, (long?)null), (last.Gathered, last.Status, last.GatheredIntoId));
        Assert.StartsWith("Ticket ", last.Message, StringComparison.Ordinal);
        Assert.Contains("nobody can be dispatched", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearedBeforeAnyoneWentOut_SelfRestoredAfterGrace_ThenRepeatReopens()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        _time.Advance(TimeSpan.FromMinutes(2));
        await ClearAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);

        await AdvanceAndFireAsync(TimeSpan.FromMinutes(14));
        Assert.Equal(TicketStatus.Dispatched, (await SingleTicketAsync()).Status);
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(2));
        var ticket = await SingleTicketAsync();
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.True(ticket.SelfRestored);
        // Li did not accept within 10 minutes, so Wang held the job when it restored itself.
        Assert.Equal("wang", ticket.TechnicianId);
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Technician("wang") && n.Message.Contains("restored itself", StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromDays(3));
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        ticket = await SingleTicketAsync();
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal(1, ticket.RepeatCount);
        Assert.Equal(2, ticket.Visit);
        Assert.False(ticket.SelfRestored);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromHours(2), ticket.ArrivalDueAt);
    }

    [Fact]
    public async Task ThreeRaisesWithinTheHour_OneTicketMarkedIntermittent()
    {
        for (var i = 0; i < 3; i++)
        {
            await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
            _time.Advance(TimeSpan.FromMinutes(1));
            await ClearAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        var ticket = await SingleTicketAsync();
        Assert.True(ticket.Intermittent);
        Assert.Equal(3, ticket.RaiseCount);
    }

    [Fact]
    public async Task CameraDownWhileSitePowerIsOut_AttachedToThePowerIncidentNotDispatched()
    {
        await RaiseAsync("site-a", "psu-1", DeviceKind.Power, FaultCodes.PowerMainsLoss);
        _time.Advance(TimeSpan.FromMinutes(1));
        await RaiseAsync("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline);

        await using var db = await _dbs.CreateDbContextAsync();
        var power = await db.Tickets.SingleAsync(t => t.Fault == FaultCodes.PowerMainsLoss);
        var camera = await db.Tickets.SingleAsync(t => t.Fault == FaultCodes.CameraOffline);
        Assert.Equal("li", power.TechnicianId);
        Assert.True(camera.FollowsRootCause);
        Assert.Equal(power.IncidentId, camera.IncidentId);
        Assert.Equal(TicketStatus.Open, camera.Status);
        Assert.Null(camera.TechnicianId);
    }

    [Fact]
    public async Task PowerBackButCameraStillDown_CameraReleasedAndDispatchedOnItsOwn()
    {
        await RaiseAsync("site-a", "psu-1", DeviceKind.Power, FaultCodes.PowerMainsLoss);
        await RaiseAsync("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline);
        _time.Advance(TimeSpan.FromMinutes(2));
        await ClearAsync("site-a", "psu-1", DeviceKind.Power, FaultCodes.PowerMainsLoss);

        // Li does not accept in time (the job goes to Wang), and the mains stay back: the power ticket self-restores.
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(16));

        await using var db = await _dbs.CreateDbContextAsync();
        var power = await db.Tickets.SingleAsync(t => t.Fault == FaultCodes.PowerMainsLoss);
        var camera = await db.Tickets.SingleAsync(t => t.Fault == FaultCodes.CameraOffline);
        Assert.True(power.SelfRestored);
        Assert.False(camera.FollowsRootCause);
        Assert.Equal(TicketStatus.Dispatched, camera.Status);

        // Zhao (CCTV, free, based right at the site) is the soonest for a camera.
        Assert.Equal("zhao", camera.TechnicianId);
    }

    [Fact]
    public async Task SiteBeyondEveryZone_NoDeadlineUntilTheDispatcherSetsOne_ThenDispatched()
    {
        await RaiseAsync("site-far", "panel", DeviceKind.Panel, FaultCodes.PanelOffline);
        var id = await TicketIdAsync();
        var ticket = await SingleTicketAsync();
        Assert.True(ticket.NeedsHuman);
        Assert.Null(ticket.ArrivalDueAt);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Dispatcher && n.Message.Contains("no arrival deadline", StringComparison.Ordinal));

        await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.SetArrivalAsync(id, Dispatcher, 0, default));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await Jobs.SetArrivalAsync(id, Dispatcher, 12, default));

        ticket = await SingleTicketAsync();
        Assert.False(ticket.NeedsHuman);
        Assert.Equal(T0 + TimeSpan.FromHours(12), ticket.ArrivalDueAt);
        Assert.Equal(T0 + TimeSpan.FromHours(14), ticket.ResolutionDueAt);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("li", ticket.TechnicianId);
    }

    [Fact]
    public async Task TwoFaultsTogether_OneIncidentOneTechnician()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        _time.Advance(TimeSpan.FromMinutes(2));
        await RaiseAsync("site-a", "zone-2", DeviceKind.Zone, FaultCodes.ZoneTrouble);

        await using var db = await _dbs.CreateDbContextAsync();
        var tickets = await db.Tickets.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(2, tickets.Count);
        Assert.Equal(tickets[0].IncidentId, tickets[1].IncidentId);
        Assert.All(tickets, t => Assert.Equal("li", t.TechnicianId));
    }

    [Fact]
    public async Task TwoSitesInOneBatch_TheSecondJobGoesToTheNextTechnicianOnceTheNearestHasOne()
    {
        // Li is 1 and 2 km from the sites, Wang 13 and 14 km: with one job on hand (an hour's queue) Li would reach
        // site-b after Wang. A storm's batch dispatches many tickets in one unit of work; each must see the jobs the
        // ones before it gave out.
        await Desk.ApplyBatchAsync([new DeskEvent(Raise("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper), null), new DeskEvent(Raise("site-b", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper), null)], default);

        await using var db = await _dbs.CreateDbContextAsync();
        var tickets = await db.Tickets.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([("site-a", "li"), ("site-b", "wang")], tickets.Select(t => (t.SiteId, t.TechnicianId)));
    }

    [Fact]
    public async Task ArrivalClock_WarnsAt50And75_BreachEscalates_MissedResolutionStartsLoaner()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        // One timer per target, each at its first mark; the later marks follow as each fires.
        var pending = await PendingTimersAsync(await TicketIdAsync());
        Assert.Equal(
            [(Tickets.Timers.TimerKind.Acknowledge, 50), (Tickets.Timers.TimerKind.Arrival, 50), (Tickets.Timers.TimerKind.Resolution, 50), (Tickets.Timers.TimerKind.AcceptTimeout, 100)],
            pending.Select(t => (t.Kind, t.Percent)).Order());
        Assert.True(await Jobs.AcceptAsync(await TicketIdAsync(), Li, default));

        await AdvanceAndFireAsync(TimeSpan.FromHours(1));
        var supervisor = (await NotificationsAsync()).Where(n => n.Recipient == Recipients.Supervisor).Select(n => n.Message).ToList();
        Assert.Contains(supervisor, m => m.Contains("50 % of the arrival time used", StringComparison.Ordinal));
        Assert.DoesNotContain(supervisor, m => m.Contains("75 % of the arrival", StringComparison.Ordinal));

        // A restart: a fresh set of services over the same database fires what fell due while down.
        await _services.DisposeAsync();
        _time.Advance(TimeSpan.FromHours(4));
        _services = DeskServices.Build(_dbs, _time);
        await Timers.FireDueAsync(default);

        supervisor = (await NotificationsAsync()).Where(n => n.Recipient == Recipients.Supervisor).Select(n => n.Message).ToList();
        Assert.Contains(supervisor, m => m.Contains("75 % of the arrival time used", StringComparison.Ordinal));
        Assert.Contains(supervisor, m => m.Contains("SLA breached: arrival", StringComparison.Ordinal));
        Assert.Contains(supervisor, m => m.Contains("SLA breached: resolution", StringComparison.Ordinal));
        Assert.DoesNotContain(supervisor, m => m.Contains("acknowledgement", StringComparison.Ordinal));
        Assert.Equal(_time.GetUtcNow(), (await SingleTicketAsync()).LoanerRequiredAt);
        Assert.Contains(await NotificationsAsync(), n => n.Message.Contains("loaner", StringComparison.Ordinal));
        Assert.Equal(0, await Timers.FireDueAsync(default));
    }

    [Fact]
    public async Task MinorFaultFridayEvening_BusinessClock_NoWarningsOverTheWeekend()
    {
        // Friday 27 November 17:00 in Shanghai: one working hour left this week.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await RaiseAsync("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraClockDrift, FaultSeverity.Minor);

        var ticket = await SingleTicketAsync();
        Assert.True(ticket.BusinessHoursClock);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), ticket.ArrivalDueAt);   // Monday 10:00 Shanghai
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero), ticket.ResolutionDueAt);
        var assignee = new DeskUser(ticket.TechnicianId!, ApiKeyRoles.Technician, Tenants.Default, ticket.TechnicianId, null);
        Assert.True(await Jobs.AcceptAsync(ticket.Id, assignee, default));

        await AdvanceAndFireAsync(TimeSpan.FromHours(1));   // 18:00 Friday: exactly half of the arrival time used
        await AdvanceAndFireAsync(TimeSpan.FromHours(47));  // Sunday evening: the clock has not moved
        var supervisor = (await NotificationsAsync()).Where(n => n.Recipient == Recipients.Supervisor).Select(n => n.Message).ToList();
        Assert.Single(supervisor, m => m.Contains("50 % of the arrival", StringComparison.Ordinal));
        Assert.DoesNotContain(supervisor, m => m.Contains("75 %", StringComparison.Ordinal) || m.Contains("breached", StringComparison.Ordinal));

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        await Timers.FireDueAsync(default);
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Supervisor && n.Message.Contains("SLA breached: arrival", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JobRegistration_CarriesTheInventoryModelSerialAndTheToldArrival()
    {
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            db.Set<Inventory.InventoryDevice>().Add(new Inventory.InventoryDevice { SiteId = "site-a", DeviceId = "zone-1", Kind = DeviceKind.Zone, Model = "Honeywell IS3016", Serial = "SN-48213" });
            await db.SaveChangesAsync();
        }

        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();
        Assert.True(await Jobs.AcceptAsync(id, Li, 30, default));

        var queries = new TicketQueryService(_dbs, _time, Microsoft.Extensions.Options.Options.Create(new Sla.SlaOptions()));
        var view = await queries.FindAsync(id, Li, default);
        Assert.Equal(("Honeywell IS3016", "SN-48213"), (view!.DeviceModel, view.DeviceSerial));
        Assert.Equal(T0 + TimeSpan.FromMinutes(30), view.PromisedArrivalAt);
        var sheet = await new Jobs.JobSheet.JobSheetService(_dbs, queries, _time, new Microsoft.Extensions.Localization.StringLocalizer<AfterSales.Cloud.Localization.Strings>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))).BuildAsync(id, Li, default);
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(sheet!, 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalatedAtNight_OfferedWhenTheFirstQualifiedTechnicianComesOnDuty()
    {
        var onDuty = _services.GetRequiredService<OnDutyRedispatchService>();
        _time.Advance(TimeSpan.FromHours(12)); // Monday 22:00 in Shanghai: business-hours technicians are off
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper, FaultSeverity.Minor);
        var id = await TicketIdAsync();
        Assert.Null((await SingleTicketAsync()).TechnicianId);
        Assert.Contains(await AuditAsync(id), a => a.Action == "dispatch escalated");

        _time.Advance(TimeSpan.FromHours(10)); // 08:00: still nobody, and no second escalation
        Assert.Equal(0, await onDuty.OfferEscalatedAsync(default));
        _time.Advance(TimeSpan.FromHours(1)); // 09:00: business hours start
        Assert.Equal(1, await onDuty.OfferEscalatedAsync(default));

        var ticket = await SingleTicketAsync();
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("li", ticket.TechnicianId);
        Assert.Single(await AuditAsync(id), a => a.Action == "dispatch escalated");
        Assert.Contains(await AuditAsync(id), a => a.Action == "dispatched" && a.Detail!.Contains("came on duty after the escalation", StringComparison.Ordinal));
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Technician("li") && n.Kind == NoticeKind.JobOffered);
        Assert.Equal(0, await onDuty.OfferEscalatedAsync(default));
    }

    [Fact]
    public async Task SameFaultThirdVisit_SupervisorIsToldBeforeItIsDispatched()
    {
        for (var visit = 1; visit <= 2; visit++)
        {
            await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
            var id = await TicketIdAsync();
            var technician = (await SingleTicketAsync()).TechnicianId == "li" ? Li : Wang;
            Assert.True(await Jobs.AcceptAsync(id, technician, default));
            Assert.True(await Jobs.ArriveAsync(id, technician, null, null, default));
            Assert.True(await Jobs.ResolveAsync(id, technician, "Adjusted the tamper switch", RepairTestRules.For(DeviceKind.Zone), default));
            Assert.True(await Jobs.SignAsync(id, technician, "Mr Chen", Png(), default));
            Assert.True(await Jobs.CloseAsync(id, technician, default));
            Assert.DoesNotContain(await NotificationsAsync(), n => n.Message.Contains("must be solved", StringComparison.Ordinal));
            _time.Advance(TimeSpan.FromDays(2)); // Wednesday, then Friday: business-hours technicians are on duty

        }

        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);

        var ticket = await SingleTicketAsync();
        Assert.Equal(3, ticket.Visit);
        var told = Assert.Single(await NotificationsAsync(), n => n.Recipient == Recipients.Supervisor && n.Kind == NoticeKind.Escalation);
        Assert.Contains("visit 3 to the same fault: it must be solved on this visit", told.Message, StringComparison.Ordinal);
        var audit = (await AuditAsync(ticket.Id)).Select(a => a.Action).ToList();
        Assert.True(audit.LastIndexOf("visit escalated") < audit.LastIndexOf("dispatched"), "the supervisor hears of it before the visit is dispatched");
    }

    [Fact]
    public async Task WholeJob_SignatureOnlyAfterResolution_ThenCloses()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();

        Assert.False(await Jobs.AcceptAsync(id, Wang, default));
        Assert.True(await Jobs.AcceptAsync(id, Li, default));
        Assert.True(await Jobs.DepartAsync(id, Li, default));
        Assert.True(await Jobs.ArriveAsync(id, Li, 31.0 + (3 / KmPerDegree), 121.0, default));
        Assert.True(await Jobs.AddPartAsync(id, Li, "PIR detector", 2, "tamper switch broken", default));
        var early = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.SignAsync(id, Li, "Mr Chen", Png(), default));
        Assert.Contains("after the work", early.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.CloseAsync(id, Li, default));
        var untested = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.ResolveAsync(id, Li, "Replaced the PIR", ["Tamper closed"], default));
        Assert.Contains("not yet ticked: Zone walk-tested: alarm on trigger; Zone normal at the panel.", untested.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.OnSite, (await SingleTicketAsync()).Status);
        Assert.True(await Jobs.ResolveAsync(id, Li, "Replaced the PIR; walk-tested zone 1", RepairTestRules.For(DeviceKind.Zone), default));
        await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.CloseAsync(id, Li, default));
        Assert.True(await Jobs.SignAsync(id, Li, "Mr Chen", Png(), default));
        await Assert.ThrowsAsync<WorkflowRefusedException>(() => Jobs.SignAsync(id, Li, "Someone else", Png(), default));
        Assert.True(await Jobs.CloseAsync(id, Li, default));

        var ticket = await SingleTicketAsync();
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        var audit = (await AuditAsync(id)).Select(a => a.Action).ToList();
        Assert.Equal(["accepted", "marked en route", "checked in on site", "part used", "resolved", "tests passed", "signed", "closed"], audit.SkipWhile(a => a != "accepted"));
        Assert.Contains("km from the site", (await AuditAsync(id)).Single(a => a.Action == "checked in on site").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitingForCustomer_PauseStopsTheClockAndResumeMovesTheDeadline()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await Jobs.PauseAsync(id, Dispatcher, "customer's gate locked until noon", default));
        _time.Advance(TimeSpan.FromMinutes(25));
        Assert.True(await Jobs.AcceptAsync(id, Li, default));
        await AdvanceAndFireAsync(TimeSpan.FromHours(3));
        Assert.DoesNotContain(await NotificationsAsync(), n => n.Recipient == Recipients.Supervisor);

        Assert.True(await Jobs.ResumeAsync(id, Dispatcher, default));
        var ticket = await SingleTicketAsync();
        // Paused from 0:05 to 3:30: the 2-hour arrival target moves by 3 h 25 min.
        Assert.Equal(T0 + new TimeSpan(5, 25, 0), ticket.ArrivalDueAt);
        Assert.DoesNotContain(await PendingTimersAsync(id), t => t.Kind == Tickets.Timers.TimerKind.Acknowledge);
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(54));
        Assert.DoesNotContain(await NotificationsAsync(), n => n.Message.Contains("50 % of the arrival", StringComparison.Ordinal));
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(2));
        Assert.Contains(await NotificationsAsync(), n => n.Message.Contains("50 % of the arrival", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PausedAfterTheFirstWarning_TheNextWarningMovesWithTheResume()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();
        Assert.True(await Jobs.AcceptAsync(id, Li, default));
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(61));
        Assert.Contains(await NotificationsAsync(), n => n.Message.Contains("50 % of the arrival", StringComparison.Ordinal));

        Assert.True(await Jobs.PauseAsync(id, Dispatcher, "customer's gate locked", default));
        await AdvanceAndFireAsync(TimeSpan.FromHours(1));
        Assert.True(await Jobs.ResumeAsync(id, Dispatcher, default));

        // The 75 % mark was due at 1:30; paused from 1:01 to 2:01, it is due at 2:30.
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(28));
        Assert.DoesNotContain(await NotificationsAsync(), n => n.Message.Contains("75 % of the arrival", StringComparison.Ordinal));
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(2));
        Assert.Contains(await NotificationsAsync(), n => n.Message.Contains("75 % of the arrival", StringComparison.Ordinal));

        // And the breach, due at 2:00, comes at 3:00.
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(28));
        Assert.DoesNotContain(await NotificationsAsync(), n => n.Message.Contains("SLA breached: arrival", StringComparison.Ordinal));
        await AdvanceAndFireAsync(TimeSpan.FromMinutes(2));
        Assert.Contains(await NotificationsAsync(), n => n.Message.Contains("SLA breached: arrival", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatcher_ReassignsByHand_PreviousTechnicianStoodDown()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var id = await TicketIdAsync();

        Assert.False(await Jobs.ReassignAsync(id, Li with { Role = ApiKeyRoles.Customer }, "wang", default));
        Assert.True(await Jobs.ReassignAsync(id, Dispatcher, "wang", default));

        Assert.Equal("wang", (await SingleTicketAsync()).TechnicianId);
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Technician("li") && n.Message.Contains("stood down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PoisonTimers_QuarantinedAfterMaxFailures_NeverHoldUpTheSlaAlarms_ShownToTheDispatcher()
    {
        await RaiseAsync("site-a", "zone-1", DeviceKind.Zone, FaultCodes.ZoneTamper);
        var ticket = await TicketIdAsync();

        // 200 timers of a kind this node cannot handle (written by a newer version), all due before the SLA warnings.
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            db.DeskTimers.AddRange(Enumerable.Range(0, 200).Select(i => new Tickets.Timers.DeskTimer { TicketId = ticket, Kind = (Tickets.Timers.TimerKind)99, Percent = 100, DueAt = T0.AddSeconds(i) }));
            await db.SaveChangesAsync();
        }

        // Half the arrival time used: its warning is due behind the 200 poisoned timers.
        _time.Advance(TimeSpan.FromMinutes(61));
        await Timers.FireDueAsync(default); // meets the poisoned ones first: each fails once, and the pass does not stop
        await Timers.FireDueAsync(default); // healthy timers go before failing ones
        Assert.Contains(await NotificationsAsync(), n => n.Recipient == Recipients.Supervisor && n.Message.Contains("50 % of the arrival time used", StringComparison.Ordinal));

        // A few more passes (a batch is 200 and the healthy go first, so some poisoned ones wait a pass).
        for (var pass = 3; pass <= 7; pass++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            await Timers.FireDueAsync(default);
        }

        await using (var db = await _dbs.CreateDbContextAsync())
        {
            var poisoned = await db.DeskTimers.AsNoTracking().Where(t => t.Kind == (Tickets.Timers.TimerKind)99).ToListAsync();
            Assert.Equal(200, poisoned.Count);
            Assert.All(poisoned, t => Assert.Equal(5, t.Failures));
            Assert.All(poisoned, t => Assert.NotNull(t.QuarantinedAt));
            Assert.All(poisoned, t => Assert.Null(t.FiredAt));
            Assert.Contains("Unhandled timer kind", poisoned[0].LastError, StringComparison.Ordinal);
        }

        Assert.Equal(0, await Timers.FireDueAsync(default)); // set aside: no longer tried

        // The dispatcher sees them and, once the cause is fixed, puts one back in line; another company cannot.
        var quarantine = _services.GetRequiredService<TimerQuarantineService>();
        var stuck = await quarantine.ListAsync(Dispatcher, default);
        Assert.Equal(100, stuck.Count);
        Assert.All(stuck, t => Assert.Equal(ticket, t.TicketId));
        Assert.Empty(await quarantine.ListAsync(Dispatcher with { TenantId = "other" }, default));
        Assert.False(await quarantine.RetryAsync(Dispatcher with { TenantId = "other" }, stuck[0].Id, default));
        Assert.True(await quarantine.RetryAsync(Dispatcher, stuck[0].Id, default));
        await using (var db = await _dbs.CreateDbContextAsync())
        {
            Assert.Equal(199, await db.DeskTimers.CountAsync(t => t.QuarantinedAt != null));
            var retried = await db.DeskTimers.AsNoTracking().SingleAsync(t => t.Id == stuck[0].Id);
            Assert.Equal((0, null, null), (retried.Failures, retried.LastError, retried.QuarantinedAt));
        }
    }

    private async Task AdvanceAndFireAsync(TimeSpan by)
    {
        _time.Advance(by);
        await Timers.FireDueAsync(default);
    }

    private Task RaiseAsync(string site, string device, DeviceKind kind, string fault, FaultSeverity severity = FaultSeverity.Major) =>
        ApplyAsync(site, device, kind, fault, FaultState.Raised, severity);

    private Task ClearAsync(string site, string device, DeviceKind kind, string fault) => ApplyAsync(site, device, kind, fault, FaultState.Cleared, FaultSeverity.Major);

    private async Task ApplyAsync(string site, string device, DeviceKind kind, string fault, FaultState state, FaultSeverity severity) =>
        await Desk.ApplyAsync(Event(site, device, kind, fault, state, severity), default);

    private FaultEvent Raise(string site, string device, DeviceKind kind, string fault) => Event(site, device, kind, fault, FaultState.Raised, FaultSeverity.Major);

    private FaultEvent Event(string site, string device, DeviceKind kind, string fault, FaultState state, FaultSeverity severity) =>
        new()
        {
            Schema = FaultEvent.SchemaV1,
            EventId = Guid.CreateVersion7(),
            SiteId = site,
            GatewayId = "gw-" + site,
            Seq = ++_seq,
            DeviceId = device,
            DeviceKind = kind,
            Fault = fault,
            State = state,
            Severity = severity,
            OccurredAt = _time.GetUtcNow(),
        };

    private async Task<Ticket> SingleTicketAsync()
    {
        await using var db = await _dbs.CreateDbContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync();
    }

    private async Task<long> TicketIdAsync() => (await SingleTicketAsync()).Id;

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = await _dbs.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<Tickets.Timers.DeskTimer>> PendingTimersAsync(long ticketId)
    {
        await using var db = await _dbs.CreateDbContextAsync();
        return await db.DeskTimers.AsNoTracking().Where(t => t.TicketId == ticketId && t.FiredAt == null && t.CancelledAt == null).ToListAsync();
    }

    private async Task<List<TicketAuditEntry>> AuditAsync(long ticketId)
    {
        await using var db = await _dbs.CreateDbContextAsync();
        return await db.TicketAudit.AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.Id).ToListAsync();
    }

    private static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(60, 20);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static Site North(string id, double km) => new()
    {
        Id = id,
        Name = id,
        Latitude = 31.0 + (km / KmPerDegree),
        Longitude = 121.0,
        ContactPhone = "+86 21 5555 0000",
    };
}

public sealed class SqliteDeskWorkflowTests : DeskWorkflowTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aftersales-desk-{Guid.NewGuid():N}.db");

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
public sealed class PostgresDeskWorkflowTests(PostgresServer server) : DeskWorkflowTests
{
    protected override async Task<Func<CloudDb>> CreateDatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<PostgresCloudDb>().UseNpgsql(await server.CreateDatabaseAsync(pooled: true)).Options;
        return () => new PostgresCloudDb(options);
    }
}

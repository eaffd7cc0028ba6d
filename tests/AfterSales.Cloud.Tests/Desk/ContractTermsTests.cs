using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Cloud.Tests.Desk;

/// <summary>
/// docs/service-rules.md §1.8: the contract in force, as saved in the database a moment ago, sets the
/// next ticket's deadlines and clock, and the ticket's audit names it. Real SQLite, fake clock.
/// </summary>
public sealed class ContractTermsTests : IAsyncLifetime
{
    private const double KmPerDegree = 111.195;

    // Monday 23 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);
    private SqliteTestDatabase _dbs = null!;
    private ServiceProvider _services = null!;
    private long _seq;

    private ContractService Book => new(_dbs, _services.GetRequiredService<MailService>(), _services.GetRequiredService<AfterSales.Cloud.Localization.Wording>(), _services.GetRequiredService<AfterSales.Cloud.Calendar.TenantCalendars>(), _time, NullLogger<ContractService>.Instance);

    public async Task InitializeAsync()
    {
        _dbs = await SqliteTestDatabase.CreateAsync();
        await using (var db = _dbs.CreateDbContext())
        {
            db.ServiceCentres.Add(new ServiceCentre { Id = "centre", Name = "Centre", Latitude = 31.0, Longitude = 121.0 });
            db.Sites.AddRange(North("site-a", 3), North("site-far", 250));
            await db.SaveChangesAsync();
        }

        _services = DeskServices.Build(_dbs, _time);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _dbs.Dispose();
    }

    [Fact]
    public async Task ContractSaved_NextTicketRunsOnItsTerms_AndTheAuditNamesIt()
    {
        await RaiseAsync("site-a", "zone-1");
        var before = await TicketAsync("zone-1");
        Assert.Equal(T0 + TimeSpan.FromHours(2), before.ArrivalDueAt); // ring 1, company default

        await Book.AddAsync(Tenants.Default, Contract("HT-2026-007", "site-a", acknowledgeMinutes: 10, arrivalHours: 1, repairHours: 3), default);
        await RaiseAsync("site-a", "zone-2");

        var ticket = await TicketAsync("zone-2");
        Assert.Equal(T0 + TimeSpan.FromHours(1), ticket.ArrivalDueAt);
        Assert.Equal(T0 + TimeSpan.FromHours(3), ticket.ResolutionDueAt);
        var deadlines = await AuditAsync(ticket.Id, "deadlines set");
        Assert.Contains("contract HT-2026-007 sets acknowledge, arrival, resolution", deadlines, StringComparison.Ordinal);
        Assert.Contains("acknowledge 10 min, arrive 1 h, resolve 3 h", deadlines, StringComparison.Ordinal);
        Assert.Equal(before.ArrivalDueAt, (await TicketAsync("zone-1")).ArrivalDueAt); // an open ticket keeps its deadlines
    }

    [Fact]
    public async Task ContractChanged_NextTicketTakesTheNewTerms()
    {
        var saved = await Book.AddAsync(Tenants.Default, Contract("HT-1", "site-a", arrivalHours: 1), default);
        await RaiseAsync("site-a", "zone-1");
        Assert.Equal(T0 + TimeSpan.FromHours(1), (await TicketAsync("zone-1")).ArrivalDueAt);

        var change = Contract("HT-1", "site-a", arrivalHours: 5);
        await Book.UpdateAsync(Tenants.Default, saved.Id, change, default);
        await RaiseAsync("site-a", "zone-2");

        var ticket = await TicketAsync("zone-2");
        Assert.Equal(T0 + TimeSpan.FromHours(5), ticket.ArrivalDueAt);
        Assert.Equal(T0 + TimeSpan.FromHours(7), ticket.ResolutionDueAt); // no resolution term: arrival + the company's 2 h
    }

    [Fact]
    public async Task BusinessHoursContract_MajorFaultRunsOnTheBusinessCalendar()
    {
        var contract = Contract("HT-BH", "site-a", arrivalHours: 10);
        contract.Clock = ContractClock.BusinessHours;
        await Book.AddAsync(Tenants.Default, contract, default);

        await RaiseAsync("site-a", "zone-1");

        // Monday 10:00–18:00 is 8 working hours; the other 2 run Tuesday 09:00–11:00 Shanghai time.
        var ticket = await TicketAsync("zone-1");
        Assert.True(ticket.BusinessHoursClock);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero), ticket.ArrivalDueAt);
        Assert.Contains("business hours", await AuditAsync(ticket.Id, "deadlines set"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AroundTheClockContract_MinorFaultIsNotHeldToBusinessHours()
    {
        var contract = Contract("HT-24", "site-a");
        contract.Clock = ContractClock.AroundTheClock;
        await Book.AddAsync(Tenants.Default, contract, default);

        await RaiseAsync("site-a", "zone-1", FaultSeverity.Minor);

        var ticket = await TicketAsync("zone-1");
        Assert.False(ticket.BusinessHoursClock);
        Assert.Equal(T0 + TimeSpan.FromHours(2), ticket.ArrivalDueAt);
        Assert.Contains("contract HT-24 sets clock; around the clock", await AuditAsync(ticket.Id, "deadlines set"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteBeyondEveryBand_ContractArrivalFigure_NoHumanNeeded()
    {
        await Book.AddAsync(Tenants.Default, Contract("HT-FAR", "site-far", arrivalHours: 24), default);

        await RaiseAsync("site-far", "panel");

        var ticket = await TicketAsync("panel");
        Assert.False(ticket.NeedsHuman);
        Assert.Equal(T0 + TimeSpan.FromHours(24), ticket.ArrivalDueAt);
    }

    [Fact]
    public async Task ContractEnded_CompanyDefaultsAgain_AndWithoutAFigureTheFarSiteNeedsAHuman()
    {
        var ended = Contract("HT-OLD", "site-far", arrivalHours: 24);
        (ended.StartsOn, ended.EndsOn) = (new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 22));
        await Book.AddAsync(Tenants.Default, ended, default);

        await RaiseAsync("site-far", "panel");

        var ticket = await TicketAsync("panel");
        Assert.True(ticket.NeedsHuman);
        Assert.Null(ticket.ArrivalDueAt);
    }

    [Fact]
    public async Task ContractTerms_Unreasonable_RefusedWithTheReason()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Book.AddAsync(Tenants.Default, Contract("HT-BAD", "site-a", arrivalHours: 4, repairHours: 2), default));
        Assert.Contains("resolution term cannot be shorter than the arrival term", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => Book.AddAsync(Tenants.Default, Contract("HT-NEG", "site-a", acknowledgeMinutes: -5), default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Book.AddAsync("other-company", Contract("HT-X", "site-a"), default));
        await using var db = _dbs.CreateDbContext();
        Assert.Equal(0, await db.Contracts.CountAsync());
    }

    private static MaintenanceContract Contract(string number, string siteId, double? acknowledgeMinutes = null, double? arrivalHours = null, double? repairHours = null) => new()
    {
        Number = number,
        SiteId = siteId,
        StartsOn = new DateOnly(2026, 1, 1),
        EndsOn = new DateOnly(2027, 12, 31),
        AcknowledgeMinutes = acknowledgeMinutes,
        ArrivalHours = arrivalHours,
        RepairHours = repairHours,
    };

    private async Task RaiseAsync(string site, string device, FaultSeverity severity = FaultSeverity.Major) =>
        await _services.GetRequiredService<TicketDeskService>().ApplyAsync(new FaultEvent
        {
            Schema = FaultEvent.SchemaV1,
            EventId = Guid.CreateVersion7(),
            SiteId = site,
            GatewayId = "gw-" + site,
            Seq = ++_seq,
            DeviceId = device,
            DeviceKind = DeviceKind.Zone,
            Fault = FaultCodes.ZoneTamper,
            State = FaultState.Raised,
            Severity = severity,
            OccurredAt = _time.GetUtcNow(),
        }, default);

    private async Task<Ticket> TicketAsync(string device)
    {
        await using var db = _dbs.CreateDbContext();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.DeviceId == device);
    }

    private async Task<string> AuditAsync(long ticketId, string action)
    {
        await using var db = _dbs.CreateDbContext();
        return (await db.TicketAudit.AsNoTracking().SingleAsync(a => a.TicketId == ticketId && a.Action == action)).Detail ?? string.Empty;
    }

    private static Site North(string id, double km) => new() { Id = id, Name = id, Latitude = 31.0 + (km / KmPerDegree), Longitude = 121.0 };
}

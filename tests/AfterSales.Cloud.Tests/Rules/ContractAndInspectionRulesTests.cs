using AfterSales.Cloud.Tests.Documents;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tests.Rules;

public class ContractAndInspectionRulesTests
{
    private static MaintenanceContract Contract(int every = 1, ServiceCategory category = ServiceCategory.Contract) => new()
    {
        Number = "MC-1", SiteId = "s", Category = category, StartsOn = new(2026, 2, 15), EndsOn = new(2027, 2, 14), InspectEveryMonths = every,
    };

    [Theory]
    [InlineData(1, "2026-02,2026-03,2026-04,2026-05,2026-06,2026-07,2026-08,2026-09,2026-10,2026-11,2026-12,2027-01,2027-02")]
    [InlineData(3, "2026-02,2026-05,2026-08,2026-11,2027-02")]
    [InlineData(6, "2026-02,2026-08,2027-02")]
    public void InspectionDue_FollowsTheContractsRhythmFromItsStartMonth(int every, string expected)
    {
        var months = Enumerable.Range(0, 16).Select(i => new DateOnly(2026, 1, 1).AddMonths(i))
            .Where(m => ContractRules.InspectionDue(Contract(every), m))
            .Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected.Split(','), months);
    }

    [Fact]
    public void InspectionDue_NeverForPaidOrInternalWork()
    {
        Assert.False(ContractRules.InspectionDue(Contract(category: ServiceCategory.Paid), new(2026, 3, 1)));
        Assert.False(ContractRules.InspectionDue(Contract(category: ServiceCategory.Internal), new(2026, 3, 1)));
        Assert.True(ContractRules.InspectionDue(Contract(category: ServiceCategory.Warranty), new(2026, 3, 1)));
    }

    [Fact]
    public void ExpiryNotice_DueFromThirtyDaysBeforeTheEnd_UntilSent()
    {
        var c = Contract();

        Assert.False(ContractRules.ExpiryNoticeDue(c, new(2027, 1, 14)));
        Assert.True(ContractRules.ExpiryNoticeDue(c, new(2027, 1, 15)));
        Assert.True(ContractRules.ExpiryNoticeDue(c, new(2027, 2, 14)));
        Assert.False(ContractRules.ExpiryNoticeDue(c, new(2027, 2, 15)));
        c.ExpiryNoticeHandled(DateTimeOffset.UnixEpoch);
        Assert.False(ContractRules.ExpiryNoticeDue(c, new(2027, 1, 20)));
    }

    [Fact]
    public void Checklist_WalksFrontEndCablingCentralFunctions_AndFlagsWhatTelemetrySaw()
    {
        InventoryDevice[] devices =
        [
            new() { SiteId = "s", DeviceId = "panel", Kind = DeviceKind.Panel },
            new() { SiteId = "s", DeviceId = "cam-1", Kind = DeviceKind.Camera, Name = "Gate" },
            new() { SiteId = "s", DeviceId = "zone-3", Kind = DeviceKind.Zone },
            new() { SiteId = "s", DeviceId = "old-cam", Kind = DeviceKind.Camera, RetiredAt = DateTimeOffset.UnixEpoch },
        ];
        var telemetry = new Dictionary<string, DeviceTelemetry> { ["cam-1"] = new("cam-1", 0.9958, 2, 1) };

        List<InspectionItem> items;
        using (CultureScope.Use("en"))
        {
            items = ChecklistBuilder.Build(devices, telemetry, CjkPdfTests.Text());
        }

        Assert.Equal(
            ["zone-3", "Gate (cam-1)", "Cable quality", "Lightning protection and grounding", "Shielding", "Joints and terminations", "panel"],
            items.Take(7).Select(i => i.Label));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.Position));
        var camera = items.Single(i => i.DeviceId == "cam-1");
        Assert.True(camera.Flagged);
        Assert.Equal("Availability 99.58 % · 2 faults · clock drift reported 1×", camera.Prefill);
        Assert.DoesNotContain(items, i => i.DeviceId == "old-cam");
        Assert.Equal(5, items.Count(i => i.Area == InspectionArea.SystemFunctions));
    }

    [Fact]
    public void Checklist_ForAChineseCompany_TelemetryLineIsChinese()
    {
        InventoryDevice[] devices = [new() { SiteId = "s", DeviceId = "cam-1", Kind = DeviceKind.Camera }, new() { SiteId = "s", DeviceId = "zone-1", Kind = DeviceKind.Zone }];
        var telemetry = new Dictionary<string, DeviceTelemetry> { ["cam-1"] = new("cam-1", 0.9958, 2, 1) };

        List<InspectionItem> items;
        using (CultureScope.Use("zh-CN"))
        {
            items = ChecklistBuilder.Build(devices, telemetry, CjkPdfTests.Text());
        }

        Assert.Equal("可用率 99.58 % · 故障 2 次 · 时钟偏差上报 1 次", items.Single(i => i.DeviceId == "cam-1").Prefill);
        Assert.Equal("未报告故障", items.Single(i => i.DeviceId == "zone-1").Prefill);
    }

    [Fact]
    public void Scheduler_PrefersTheSitesCentre_BalancesLoad_AndSkipsWeekends()
    {
        TechnicianCandidate[] techs = [new("li", "Li", "north", MaxPerDay: 1), new("wang", "Wang", "south", MaxPerDay: 1)];
        SiteToInspect[] sites = [new("a", "north"), new("b", "north"), new("c", "south"), new("d", null)];

        // 6 Nov 2026 is a Friday.
        var slots = InspectionSchedulePlanner.Schedule(sites, techs, [], new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 30), new TenantCalendars(new LocalTimeOptions()).Default).ToDictionary(s => s.SiteId);

        Assert.Equal(("li", new DateOnly(2026, 11, 6)), (slots["a"].TechnicianId, slots["a"].Day));
        Assert.Equal(("li", new DateOnly(2026, 11, 9)), (slots["b"].TechnicianId, slots["b"].Day)); // Monday, not Saturday
        Assert.Equal("wang", slots["c"].TechnicianId);
        Assert.Equal("wang", slots["d"].TechnicianId); // no centre: the least loaded
    }

    [Fact]
    public void TicketFacts_OutagesFromRaiseAndClearEvents_AndRepeatsWithin30Days()
    {
        var t0 = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        var first = Ticket(1, t0);
        first.Occurrences.AddRange([Occ(FaultState.Raised, t0), Occ(FaultState.Cleared, t0.AddHours(1)), Occ(FaultState.Raised, t0.AddHours(2)), Occ(FaultState.Raised, t0.AddHours(2.5), stale: true), Occ(FaultState.Cleared, t0.AddHours(4))]);
        var second = Ticket(2, t0.AddDays(29));
        second.Occurrences.Add(Occ(FaultState.Raised, t0.AddDays(29)));
        var third = Ticket(3, t0.AddDays(60));

        var facts = TicketFactsMapping.Map([third, second, first], new LifecycleOptions());

        Assert.Equal([new Outage(t0, t0.AddHours(1)), new Outage(t0.AddHours(2), t0.AddHours(4))], facts.Single(f => f.TicketId == 1).Outages);
        Assert.Equal([new Outage(t0.AddDays(29), null)], facts.Single(f => f.TicketId == 2).Outages);
        Assert.Equal([false, true, false], facts.Select(f => f.Repeat));
        Assert.Null(facts[0].ArrivedAt); // the ticket book records no arrival yet
    }

    private static Ticket Ticket(long id, DateTimeOffset opened) =>
        TicketMaker.Open(TicketMaker.Raised("s", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, opened)).WithId(id);

    private static TicketOccurrence Occ(FaultState state, DateTimeOffset at, bool stale = false) => new()
    {
        SiteId = "s", DeviceId = "cam-1", Fault = FaultCodes.CameraOffline, State = state, OccurredAt = at, Stale = stale, EventId = Guid.NewGuid(),
    };
}

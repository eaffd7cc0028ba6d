using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AfterSales.Cloud.Tests.Reports.NovemberScenario;

namespace AfterSales.Cloud.Tests.Reports;

/// <summary>The report follows the service company's own rules: the desk's repeat window and the configured KPI targets.</summary>
public class ReportRulesTests
{
    [Fact]
    public void RepeatCount_FollowsTheDesksWindow_NotAFixedThirtyDays()
    {
        // The camera fault of 2 November comes back on 20 November, 12 days after its ticket closed.
        var tickets = TwoTicketsOfOneFault(closedFirst: At(11, 8, 9), openedSecond: At(11, 20, 9));

        Assert.Equal(1, Repeats(tickets, new LifecycleOptions()));
        Assert.Equal(0, Repeats(tickets, new LifecycleOptions { RepeatWithinDays = 7 }));
    }

    [Fact]
    public void RepeatWindow_CountsFromTheEarlierTicketsClosing_AsTheDeskDoes()
    {
        // Opened 40 days before the second ticket, but closed 10 days before it: the desk would have reopened it.
        var tickets = TwoTicketsOfOneFault(closedFirst: At(11, 10, 9), openedSecond: At(11, 20, 9), openedFirst: At(10, 11, 9));

        Assert.Equal(1, Repeats(tickets, new LifecycleOptions()));
        Assert.True(FaultHistoryRules.IsRepeat(At(11, 10, 9), At(11, 20, 9), new LifecycleOptions()));
    }

    [Fact]
    public void Targets_FromConfiguration_ColourTheTilesAndTheChart()
    {
        var targets = Bind(new Dictionary<string, string?> { ["Kpis:Targets:OnTimeRate"] = "0.3", ["Kpis:Targets:Availability"] = "0.95" });
        var report = MonthlyReportBuilder.Build(Inputs(), Month, GeneratedAt, Utc);

        var strict = Tile(MonthlyReportComposer.Compose(report, new KpiTargets(), AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text()), "Arrival on time");
        var lenient = Tile(MonthlyReportComposer.Compose(report, targets, AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text()), "Arrival on time");
        var chart = MonthlyReportComposer.Compose(report, targets, AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text()).Blocks.OfType<LineChartBlock>().Single();

        Assert.Equal((PdfTone.Bad, PdfTone.Good), (strict.Tone, lenient.Tone)); // 1 of 3 on time is 33 %
        Assert.Equal((0.95, "Availability per day (dashed: 95 %)"), (chart.Target, chart.Caption));
    }

    [Fact]
    public void Targets_OutOfRange_FailValidation()
    {
        Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?> { ["Kpis:Targets:Satisfaction"] = "85" }));
        Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?> { ["Kpis:Targets:AvailabilityGood"] = "0.98" }));
    }

    [Fact]
    public void Targets_Defaults_AreTheRegulations()
    {
        var t = Bind([]);

        Assert.Equal((0.90, 0.85, 0.03, 0.03, 1.0, 0.99, 0.999), (t.OnTimeRate, t.Satisfaction, t.ComplaintRate, t.RepeatRate, t.InspectionCompletion, t.Availability, t.AvailabilityGood));
    }

    private static KpiTargets Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddKpis().BuildServiceProvider();
        return services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KpiTargets>>().Value;
    }

    private static PdfTile Tile(ReportDocument document, string label) => document.Blocks.OfType<TilesBlock>().Single().Tiles.Single(t => t.Label == label);

    private static int Repeats(IReadOnlyList<Ticket> tickets, LifecycleOptions lifecycle)
    {
        var facts = TicketFactsMapping.Map(tickets, lifecycle);
        return MonthlyReportBuilder.Build(Inputs() with { Tickets = facts }, Month, GeneratedAt, Utc).Sla.RepeatFaults;
    }

    private static IReadOnlyList<Ticket> TwoTicketsOfOneFault(DateTimeOffset closedFirst, DateTimeOffset openedSecond, DateTimeOffset? openedFirst = null)
    {
        var first = TicketMaker.Open(CameraOffline(openedFirst ?? At(11, 2, 9))).WithId(1);
        first.RecordRestore(CameraOffline(closedFirst) with { State = FaultState.Cleared });
        first.SelfRestore(closedFirst);
        return [first, TicketMaker.Open(CameraOffline(openedSecond)).WithId(2)];
    }

    private static AfterSales.Protocol.Contracts.FaultEvent CameraOffline(DateTimeOffset at) =>
        TicketMaker.Raised("site-a", "cam-1", DeviceKind.Camera, FaultCodes.CameraOffline, at);
}

using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Reports;
using static AfterSales.Cloud.Tests.Reports.NovemberScenario;
using AfterSales.Cloud.Tickets.History;

namespace AfterSales.Cloud.Tests.Reports;

/// <summary>The KPIs over the November scenario, plus a second site, against hand-computed figures.</summary>
public class KpiTests
{
    private static readonly DateTimeOffset From = At(11, 1, 0);
    private static readonly DateTimeOffset To = At(12, 1, 0);

    [Fact]
    public void Company_FiguresMatchTheMonthWorkedByHand()
    {
        var company = Assert.Single(KpiCalculator.By(KpiDimension.Company, MonthAtTwoSites()));

        Assert.Equal(8, company.Tickets);                     // seven at site-a, one at site-b
        Assert.Equal(2.0 / 4, company.OnTimeRate!.Value, 9);  // T2 and site-b's on time; T3 and T4 late
        Assert.Equal(0.5, company.Satisfaction);
        Assert.Equal(1.0 / 8, company.ComplaintRate!.Value, 9);
        Assert.Equal(TimeSpan.FromMinutes(25), company.MeanToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(140), company.MeanToArrive); // (150 + 180 + 90) / 3
        Assert.Equal(1.0, company.FirstTimeFix);
        Assert.Equal(1.0 / 8, company.RepeatRate!.Value, 9);
        Assert.Equal(0.5, company.InspectionCompletion);     // site-a's done, site-b's not
        Assert.Equal(((2830.0 / 2880) + 1) / 2, company.Availability!.Value, 9);
    }

    [Fact]
    public void PerTechnicianSiteAndZone_SplitTheSameFacts()
    {
        var inputs = MonthAtTwoSites();

        var technicians = KpiCalculator.By(KpiDimension.Technician, inputs).ToDictionary(k => k.Group);
        Assert.Equal(1.0, technicians["tech-li"].OnTimeRate);
        Assert.Equal(0.0, technicians["tech-wang"].OnTimeRate);
        Assert.Null(technicians["tech-li"].Availability); // availability belongs to sites, not people

        var zones = KpiCalculator.By(KpiDimension.Zone, inputs).ToDictionary(k => k.Group);
        Assert.Equal(7, zones["ring-1"].Tickets);
        Assert.Equal(1.0, zones["ring-3"].Availability);

        var sites = KpiCalculator.By(KpiDimension.Site, inputs).ToDictionary(k => k.Group);
        Assert.Equal(2830.0 / 2880, sites["site-a"].Availability!.Value, 9);
        Assert.Equal(0.0, sites["site-b"].InspectionCompletion);
    }

    [Fact]
    public void ComplaintAnalysis_GroupsByCauseWithOnTimeHandling()
    {
        var complaints = new List<Complaint>(Scenario().Complaints)
        {
            Complaint.Register("2611-002", "site-b", "x", ComplaintCause.LateArrival, false, false, At(11, 25, 9), new ComplaintPolicy()), // answer due 13:00, resolve by the 27th
            Complaint.Register("2611-003", "site-b", "y", ComplaintCause.Billing, false, false, At(11, 26, 9), new ComplaintPolicy()),
        };
        complaints[^2].Answer(At(11, 25, 15));

        var lines = FeedbackAnalysis.ComplaintsByCause(complaints);

        Assert.Equal(ComplaintCause.LateArrival, lines[0].Cause);
        Assert.Equal((2, 1, 1, 1), (lines[0].Count, lines[0].ServiceAtFault, lines[0].AnsweredOnTime, lines[0].ResolvedOnTime));
        Assert.Equal((ComplaintCause.Billing, 1), (lines[1].Cause, lines[1].Count));
    }

    [Fact]
    public void QuarterlyReport_ReadBack_NamesTheCustomersSitesAndTheirFigures()
    {
        var names = new Dictionary<string, string> { ["site-a"] = "Jinjiang branch", ["site-b"] = "Wuhou depot" };

        var text = MonthlyReportDocumentTests.PdfText(DocumentPdf.Render(QuarterlyReportComposer.Compose("Trust Bank", new DateOnly(2026, 10, 1), MonthAtTwoSites(), names, GeneratedAt, new KpiTargets(), AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text())));

        MonthlyReportDocumentTests.Shows(text, "Trust Bank · Q4 2026");
        MonthlyReportDocumentTests.Shows(text, "Jinjiang branch");
        MonthlyReportDocumentTests.Shows(text, "98.26 %");
        MonthlyReportDocumentTests.Shows(text, "One inspection item failed");
        MonthlyReportDocumentTests.Shows(text, "1 of 2 scheduled inspections were completed");
    }

    private static ReportInputs Scenario() => NovemberScenario.Inputs();

    internal static KpiInputs MonthAtTwoSites()
    {
        var s = Scenario();
        var tickets = s.Tickets.Select(t => t with
        {
            Zone = "ring-1",
            TechnicianId = t.TicketId switch { 12 => "tech-li", 13 => "tech-wang", _ => null },
        }).ToList();

        // site-b: one camera fault, on site after 90 min against 4 h, in ring 3.
        tickets.Add(new TicketFacts
        {
            TicketId = 30, SiteId = "site-b", DeviceId = "cam-9", Fault = "camera.offline", Zone = "ring-3", OpenedAt = At(11, 5, 9),
            ArrivedAt = At(11, 5, 10, 30), ArrivalDueAt = At(11, 5, 13), ResolvedAt = At(11, 5, 11), Outages = [],
        });
        var report = MonthlyReportBuilder.Build(s, Month, GeneratedAt, Utc);
        var inspections = new List<AfterSales.Cloud.Inspections.InspectionJob> { s.Inspection!, AfterSales.Cloud.Inspections.InspectionJob.Plan("site-b", Month, null, default, default) };
        return new KpiInputs(
            From, To, tickets, [.. s.Surveys.Where(v => v.SentAt >= From)], s.Complaints, inspections,
            new Dictionary<string, double> { ["site-a"] = report.SiteAvailability, ["site-b"] = 1.0 },
            new Dictionary<string, string> { ["site-a"] = "ring-1", ["site-b"] = "ring-3" });
    }
}

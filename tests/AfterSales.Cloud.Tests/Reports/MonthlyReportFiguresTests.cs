using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sla;
using static AfterSales.Cloud.Tests.Reports.NovemberScenario;

namespace AfterSales.Cloud.Tests.Reports;

/// <summary>The November scenario's report against figures worked out by hand (see <see cref="NovemberScenario"/>).</summary>
public class MonthlyReportFiguresTests
{
    private static readonly MonthlyReport Report = MonthlyReportBuilder.Build(Inputs(), Month, GeneratedAt, Utc);

    [Fact]
    public void Availability_PerDevice_IsUptimeOverTheMonthsHours()
    {
        var byDevice = Report.Devices.ToDictionary(d => d.DeviceId, d => d.Availability);

        Assert.Equal(4, byDevice.Count); // the cabling defect is not a device outage
        Assert.Equal(716.0 / 720, byDevice["panel"], 9);   // 4 h
        Assert.Equal(714.0 / 720, byDevice["cam-1"], 9);   // 3 h + 3 h
        Assert.Equal(716.0 / 720, byDevice["cam-2"], 9);   // 2 h carried from October + 2 h of overlapping faults
        Assert.Equal(684.0 / 720, byDevice["nvr-1"], 9);   // 36 h to the month's end
        Assert.Equal("nvr-1", Report.Devices[0].DeviceId); // least available first
    }

    [Fact]
    public void Availability_Site_IsTheMeanOfItsDevices()
    {
        Assert.Equal(2830.0 / 2880, Report.SiteAvailability, 9);
        Assert.Equal(TimeSpan.FromHours(50), Report.TotalDowntime);
        Assert.Equal("98.26 %", ReportFormat.Percent(Report.SiteAvailability));
    }

    [Fact]
    public void Sla_ArrivalOutcomes_CountMetMissedAndClearedBeforeTheDeadline()
    {
        var sla = Report.Sla;

        Assert.Equal(7, sla.Tickets);
        Assert.Equal(1, sla.ArrivalMet);
        Assert.Equal(2, sla.ArrivalMissed);
        Assert.Equal(3, sla.ArrivalNotNeeded);
        Assert.Equal(0, sla.ArrivalPending);
        Assert.Equal(1, sla.ArrivalNotTracked);
        Assert.Equal(1.0 / 3, sla.OnTimeRate!.Value, 9);
        Assert.Equal(1, sla.RepeatFaults);
    }

    [Fact]
    public void Sla_MeanTimes_AverageOnlyTheTicketsThatReachedTheStep()
    {
        Assert.Equal(TimeSpan.FromMinutes(25), Report.Sla.MeanToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(165), Report.Sla.MeanToArrive);
        Assert.Equal(TimeSpan.FromMinutes(162), Report.Sla.MeanToRestore);
    }

    [Fact]
    public void Tickets_EachStepJudgedAgainstItsOwnDeadline()
    {
        var panel = Report.Tickets.Single(t => t.TicketId == 13);

        Assert.Equal(SlaOutcome.Missed, panel.AcknowledgeOutcome);
        Assert.Equal(SlaOutcome.Missed, panel.ArrivalOutcome);
        Assert.Equal(SlaOutcome.Met, panel.RepairOutcome);
        Assert.Equal(TimeSpan.FromHours(3), panel.ToArrive);
        Assert.Equal(SlaOutcome.Met, Report.Tickets.Single(t => t.TicketId == 12).ArrivalOutcome);
        Assert.Equal("Cleared by itself", Report.Tickets.Single(t => t.TicketId == 11).Status);
        Assert.DoesNotContain(Report.Tickets, t => t.TicketId == 10); // opened in October
    }

    [Fact]
    public void OpenDefects_AreTheTicketsStillUnfixedAtTheMonthsEnd()
    {
        Assert.Equal([17L, 14L], Report.OpenDefects.Select(t => t.TicketId));
    }

    [Fact]
    public void Feedback_CountsOnlyThisMonthsSurveysAndAveragesTheAnswered()
    {
        var f = Report.Feedback;

        Assert.Equal(3, f.SurveysSent);
        Assert.Equal(2, f.SurveysAnswered);
        Assert.Equal(0.5, f.SatisfactionRate);
        Assert.Equal([4.0, 3.5, 2.5, 3.5], f.Averages);
        Assert.Equal("Resolved on time", Assert.Single(f.Complaints).Status);
    }

    [Fact]
    public void Inspection_ResultsAreCountedItemByItem()
    {
        var i = Report.Inspection!;

        Assert.Equal((3, 1, 1, 0), (i.Passed, i.Failed, i.NotApplicable, i.Pending));
        Assert.Equal(17, i.Lines.Single(l => l.Result == AfterSales.Cloud.Inspections.ItemResult.Fail).TicketId);
    }

    [Fact]
    public void Daily_SeriesCoversEveryDayWithFaultsAndAvailability()
    {
        Assert.Equal(30, Report.Daily.Count);
        Assert.Equal(6, Report.Daily.Sum(d => d.FaultsOpened));
        Assert.Equal(2, Report.Daily.Single(d => d.Day.Day == 15).FaultsOpened);
        Assert.Equal(0.75, Report.Daily[^1].Availability, 9);                 // the recorder down all day
        Assert.Equal(0.875, Report.Daily.Single(d => d.Day.Day == 29).Availability, 9);
        Assert.Equal((3 + (22.0 / 24)) / 4, Report.Daily[0].Availability, 9); // cam-2 down until 02:00
    }

    [Fact]
    public void MonthStillRunning_CoversOnlyUpToTheMomentOfGeneration()
    {
        var midMonth = MonthlyReportBuilder.Build(Inputs(), Month, At(11, 16, 0), Utc);

        Assert.Equal(At(11, 16, 0), midMonth.To);
        Assert.Equal(15, midMonth.Daily.Count);
        Assert.Equal(5, midMonth.Sla.Tickets); // T1, T2, T5, T6, T7
        Assert.Equal(TimeSpan.FromHours(2), midMonth.Devices.Single(d => d.DeviceId == "cam-2").Downtime - TimeSpan.FromHours(2));
    }
}

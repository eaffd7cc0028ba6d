using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Kpis;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// Decides what the monthly report shows, once, for the PDF and the HTML alike: the summary,
/// the headline tiles and facts, then one section per part of the month. Pure.
/// </summary>
internal static class MonthlyReportComposer
{
    public static ReportDocument Compose(MonthlyReport r, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(targets);
        var footer = $"{r.Site.Customer ?? r.Site.Name}{(r.Contract is { } c ? " · contract " + c.Number : string.Empty)} · generated {Generated(r.GeneratedAt)}";
        List<DocumentBlock> blocks = [new TextBlock(Summary(r), TextStyle.Lead), new SpaceBlock(4), new TilesBlock(Tiles(r, targets)), new FactsBlock(Facts(r)), .. Charts(r, targets)];
        blocks.AddRange(Devices(r, targets));
        blocks.AddRange(Tickets(r));
        blocks.AddRange(Inspection(r));
        blocks.AddRange(Defects(r));
        blocks.AddRange(Feedback(r));
        return new ReportDocument("Monthly inspection report", $"{r.Site.Name} · {MonthName(r.Month)}", footer, r.GeneratedAt, blocks);
    }

    private static IReadOnlyList<PdfTile> Tiles(MonthlyReport r, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(r);
        var inspection = r.Inspection is { } i ? $"{i.Passed}/{i.Lines.Count}" : "—";
        return
        [
            new("Availability", Percent(r.SiteAvailability), $"{Duration(r.TotalDowntime)} downtime", KpiToneRules.Availability(r.SiteAvailability, targets)),
            new("Faults", r.Sla.Tickets.ToString(Culture), r.Sla.RepeatFaults > 0 ? $"{r.Sla.RepeatFaults} repeat" : "no repeats", r.Sla.Tickets == 0 ? PdfTone.Good : PdfTone.Neutral),
            new("Arrival on time", Percent(r.Sla.OnTimeRate), ArrivalNote(r.Sla), KpiToneRules.AtLeast(r.Sla.OnTimeRate, targets.OnTimeRate)),
            new("Inspection", inspection, r.Inspection is { Failed: > 0 } f ? $"{f.Failed} failed" : "items passed", r.Inspection is { Failed: > 0 } ? PdfTone.Warn : PdfTone.Good),
            new("Satisfaction", Percent(r.Feedback.SatisfactionRate), $"{r.Feedback.SurveysAnswered} of {r.Feedback.SurveysSent} surveys", KpiToneRules.AtLeast(r.Feedback.SatisfactionRate, targets.Satisfaction)),
        ];
    }

    private static IReadOnlyList<DocumentFact> Facts(MonthlyReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return
        [
            new("Site", r.Site.Name),
            new("Customer", r.Site.Customer ?? "—"),
            new("Address", r.Site.Address ?? "—"),
            new("Phone", r.Site.Phone ?? "—"),
            new("Contract", r.Contract?.Number ?? "none on record"),
            new("Service", r.Contract is { } c ? ContractRules.Describe(c.Category) : "—"),
            new("Period", r.Contract is { } p ? $"{Day(p.StartsOn)} – {Day(p.EndsOn)}" : "—"),
            new("Inspections", r.Contract is { } e ? (e.InspectEveryMonths == 1 ? "monthly" : $"every {e.InspectEveryMonths} months") : "—"),
        ];
    }

    private static IEnumerable<DocumentBlock> Charts(MonthlyReport r, KpiTargets targets)
    {
        var labels = r.Daily.Select(d => d.Day.Day.ToString(Culture)).ToList();
        yield return new BarChartBlock("Faults reported per day", labels, [.. r.Daily.Select(d => (double)d.FaultsOpened)], v => v.ToString("0", Culture), 90);
        var lowest = r.Daily.Count == 0 ? 1 : r.Daily.Min(d => d.Availability);
        var floor = Math.Min(0.95, Math.Floor(lowest * 20) / 20);
        yield return new LineChartBlock($"Availability per day (dashed: {Percent(targets.Availability, 0)})", labels, [.. r.Daily.Select(d => d.Availability)], floor, 1, targets.Availability, v => (v * 100).ToString("0", Culture) + "%", 90);
    }

    private static IEnumerable<DocumentBlock> Devices(MonthlyReport r, KpiTargets targets)
    {
        yield return new HeadingBlock("Device availability");
        yield return new TextBlock("Measured from the moment a device reported a fault until it reported the fault cleared; overlapping faults on one device count once. Least available first.", TextStyle.Note);
        yield return new TableBlock(
            [new("Device", 3.2f), new("Kind", 1.2f), new("Faults", 0.9f, PdfAlign.Right), new("Downtime", 1.4f, PdfAlign.Right), new("Availability", 1.4f, PdfAlign.Right)],
            [.. r.Devices.Select(d => new PdfCell[]
            {
                d.Label, d.Kind.ToString().ToLowerInvariant(), d.Faults.ToString(Culture), Duration(d.Downtime == TimeSpan.Zero ? null : d.Downtime),
                new(Percent(d.Availability), KpiToneRules.Availability(d.Availability, targets), Bold: true),
            })]);
    }

    private static IEnumerable<DocumentBlock> Tickets(MonthlyReport r)
    {
        yield return new HeadingBlock("Faults and service tickets");
        if (r.Tickets.Count == 0)
        {
            yield return new TextBlock("No faults were reported this month.");
            yield break;
        }

        yield return new TextBlock(MeanTimes(r.Sla) + $"Arrivals: {r.Sla.ArrivalMet} on time, {r.Sla.ArrivalMissed} late, {r.Sla.ArrivalNotNeeded} not needed (cleared before the deadline), {r.Sla.ArrivalPending} in progress.", TextStyle.Small);
        yield return new TableBlock(
            [new("#", 0.6f), new("Device", 1.3f), new("Fault", 1.9f), new("Severity", 0.9f), new("Opened", 1.2f), new("Arrive by", 1.2f), new("Arrival", 1.0f), new("Restored in", 1.2f), new("Status", 1.2f)],
            [.. r.Tickets.Select(t => new PdfCell[]
            {
                t.TicketId.ToString(Culture), t.DeviceId, t.Fault, t.Severity.ToString().ToLowerInvariant(), When(t.OpenedAt), When(t.ArrivalDueAt),
                new(Outcome(t.ArrivalOutcome), Tone(t.ArrivalOutcome)), Duration(t.ToRestore), t.Status,
            })]);
    }

    private static IEnumerable<DocumentBlock> Inspection(MonthlyReport r)
    {
        yield return new HeadingBlock("Monthly inspection");
        if (r.Inspection is not { } i)
        {
            yield return new TextBlock("No inspection was due this month under the contract.");
            yield break;
        }

        var done = i.CompletedAt is { } at ? $"completed {When(at)}" : $"scheduled {Day(i.ScheduledFor)}, not completed";
        yield return new TextBlock(
            $"Inspection #{i.JobId}, technician {i.TechnicianId ?? "to be assigned"}, {done}. {i.Passed} passed · {i.Failed} failed · {i.NotApplicable} not applicable · {i.Pending} not checked."
            + (i.Remarks is { Length: > 0 } remarks ? $" Remarks: {remarks}" : string.Empty),
            TextStyle.Small);
        yield return new TableBlock(
            [new("No.", 0.5f), new("Area", 1.3f), new("Item", 2.2f), new("Telemetry before the visit", 2.4f), new("Result", 0.9f), new("Note", 2.2f)],
            [.. i.Lines.Select(l => new PdfCell[]
            {
                l.Position.ToString(Culture), Area(l.Area), l.Label, l.Prefill ?? "", new(Result(l.Result), Tone(l.Result)),
                (l.Note ?? string.Empty) + (l.TicketId is { } id ? $" (ticket {id})" : string.Empty),
            })]);
    }

    private static IEnumerable<DocumentBlock> Defects(MonthlyReport r)
    {
        yield return new HeadingBlock("Open defects at the end of the month");
        if (r.OpenDefects.Count == 0)
        {
            yield return new TextBlock("None: every fault reported was cleared.", Tone: PdfTone.Good);
            yield break;
        }

        yield return new TableBlock(
            [new("#", 0.6f), new("Device", 1.6f), new("Fault", 2.2f), new("Opened", 1.4f), new("Open for", 1.2f), new("Arrival", 1.0f)],
            [.. r.OpenDefects.Select(t => new PdfCell[]
            {
                t.TicketId.ToString(Culture), t.DeviceId, t.Fault, When(t.OpenedAt), Duration(r.To - t.OpenedAt), new(Outcome(t.ArrivalOutcome), Tone(t.ArrivalOutcome)),
            })]);
    }

    private static IEnumerable<DocumentBlock> Feedback(MonthlyReport r)
    {
        yield return new HeadingBlock("Your feedback");
        var f = r.Feedback;
        if (f.SurveysAnswered == 0)
        {
            yield return new TextBlock(f.SurveysSent == 0 ? "No service visits called for a survey this month." : $"{f.SurveysSent} surveys were sent; none has been answered yet.");
        }
        else
        {
            yield return new TextBlock($"{f.SurveysAnswered} of {f.SurveysSent} surveys answered; {Percent(f.SatisfactionRate)} satisfied on every question. Average on a scale of 1 (dissatisfied) to 4 (very satisfied):", TextStyle.Small);
            yield return new TableBlock(
                [new("Question", 3), new("Average", 1, PdfAlign.Right)],
                [.. SurveyScore.Questions.Select((q, k) => new PdfCell[] { q, new(f.Averages[k].ToString("0.0", Culture), f.Averages[k] >= 3 ? PdfTone.Good : PdfTone.Warn, Bold: true) })]);
            foreach (var comment in f.Comments.Take(5))
            {
                yield return new TextBlock($"“{comment}”", TextStyle.Quote);
            }
        }

        if (f.Complaints.Count > 0)
        {
            yield return new HeadingBlock("Complaints", 2);
            yield return new TableBlock(
                [new("No.", 1), new("Received", 1.2f), new("Complaint", 3.5f), new("Status", 1.5f)],
                [.. f.Complaints.Select(c => new PdfCell[] { c.Number, When(c.ReceivedAt), c.Summary, new(c.Status, c.Status.Contains("overdue", StringComparison.Ordinal) || c.Status.Contains("late", StringComparison.Ordinal) ? PdfTone.Bad : PdfTone.Neutral) })]);
        }

        yield return new SpaceBlock(10);
        yield return new TextBlock("Thank you for trusting us with your security system. Questions about this report, or a fault to report: call the service centre, any hour of the day.", TextStyle.Quote);
    }
}

using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Kpis;
using Microsoft.Extensions.Localization;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// Decides what the monthly report shows, once, for the PDF and the HTML alike: the summary,
/// the headline tiles and facts, then one section per part of the month, every word from
/// <c>Strings</c> in the current culture (docs/localization.md). Pure.
/// </summary>
internal static class MonthlyReportComposer
{
    public static ReportDocument Compose(MonthlyReport r, KpiTargets targets, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(T);
        var footer = (r.Contract is { } c ? T["{0} · contract {1} · generated {2}", r.Site.Customer ?? r.Site.Name, c.Number, Generated(r.GeneratedAt, T)] : T["{0} · generated {1}", r.Site.Customer ?? r.Site.Name, Generated(r.GeneratedAt, T)]).Value;
        List<DocumentBlock> blocks = [new TextBlock(Summary(r, T), TextStyle.Lead), new SpaceBlock(4), new TilesBlock(Tiles(r, targets, T)), new FactsBlock(Facts(r, T)), .. Charts(r, targets, T)];
        blocks.AddRange(Devices(r, targets, T));
        blocks.AddRange(Tickets(r, T));
        blocks.AddRange(Inspection(r, T));
        blocks.AddRange(Defects(r, T));
        blocks.AddRange(Feedback(r, T));
        return new ReportDocument(T["Monthly inspection report"], $"{r.Site.Name} · {MonthName(r.Month, T)}", footer, r.GeneratedAt, blocks) { PageOf = T["Page {0} of {1}"] };
    }

    private static IReadOnlyList<PdfTile> Tiles(MonthlyReport r, KpiTargets targets, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(r);
        var inspection = r.Inspection is { } i ? $"{i.Passed}/{i.Lines.Count}" : "—";
        return
        [
            new(T["Availability"], Percent(r.SiteAvailability), T["{0} downtime", Duration(r.TotalDowntime, T)], KpiToneRules.Availability(r.SiteAvailability, targets)),
            new(T["Faults"], r.Sla.Tickets.ToString(Culture), r.Sla.RepeatFaults > 0 ? T["{0} repeat", r.Sla.RepeatFaults] : T["no repeats"], r.Sla.Tickets == 0 ? PdfTone.Good : PdfTone.Neutral),
            new(T["Arrival on time"], Percent(r.Sla.OnTimeRate), ArrivalNote(r.Sla, T), KpiToneRules.AtLeast(r.Sla.OnTimeRate, targets.OnTimeRate)),
            new(T["Inspection"], inspection, r.Inspection is { Failed: > 0 } f ? T["{0} items failed", f.Failed] : T["items passed"], r.Inspection is { Failed: > 0 } ? PdfTone.Warn : PdfTone.Good),
            new(T["Satisfaction"], Percent(r.Feedback.SatisfactionRate), T["{0} of {1} surveys", r.Feedback.SurveysAnswered, r.Feedback.SurveysSent], KpiToneRules.AtLeast(r.Feedback.SatisfactionRate, targets.Satisfaction)),
        ];
    }

    private static IReadOnlyList<DocumentFact> Facts(MonthlyReport r, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(r);
        return
        [
            new(T["Site"], r.Site.Name),
            new(T["Customer"], r.Site.Customer ?? "—"),
            new(T["Address"], r.Site.Address ?? "—"),
            new(T["Phone"], r.Site.Phone ?? "—"),
            new(T["Contract"], r.Contract?.Number ?? T["none on record"]),
            new(T["Service"], r.Contract is { } c ? Word(ContractRules.Describe(c.Category), T) : "—"),
            new(T["Period"], r.Contract is { } p ? $"{Day(p.StartsOn, T)} – {Day(p.EndsOn, T)}" : "—"),
            new(T["Inspections"], r.Contract is { } e ? (e.InspectEveryMonths == 1 ? T["monthly"] : T["every {0} months", e.InspectEveryMonths]) : "—"),
        ];
    }

    private static IEnumerable<DocumentBlock> Charts(MonthlyReport r, KpiTargets targets, IStringLocalizer T)
    {
        var labels = r.Daily.Select(d => d.Day.Day.ToString(Culture)).ToList();
        yield return new BarChartBlock(T["Faults reported per day"], labels, [.. r.Daily.Select(d => (double)d.FaultsOpened)], v => v.ToString("0", Culture), 90);
        var lowest = r.Daily.Count == 0 ? 1 : r.Daily.Min(d => d.Availability);
        var floor = Math.Min(0.95, Math.Floor(lowest * 20) / 20);
        yield return new LineChartBlock(T["Availability per day (dashed: {0})", Percent(targets.Availability, 0)], labels, [.. r.Daily.Select(d => d.Availability)], floor, 1, targets.Availability, v => (v * 100).ToString("0", Culture) + "%", 90);
    }

    private static IEnumerable<DocumentBlock> Devices(MonthlyReport r, KpiTargets targets, IStringLocalizer T)
    {
        yield return new HeadingBlock(T["Device availability"]);
        yield return new TextBlock(T["Measured from the moment a device reported a fault until it reported the fault cleared; overlapping faults on one device count once. Least available first."], TextStyle.Note);
        yield return new TableBlock(
            [new(T["Device"], 3.2f), new(T["Kind"], 1.2f), new(T["Faults"], 0.9f, PdfAlign.Right), new(T["Downtime"], 1.4f, PdfAlign.Right), new(T["Availability"], 1.4f, PdfAlign.Right)],
            [.. r.Devices.Select(d => new PdfCell[]
            {
                d.Label, Word(d.Kind.ToString().ToLowerInvariant(), T), d.Faults.ToString(Culture), Duration(d.Downtime == TimeSpan.Zero ? null : d.Downtime, T),
                new(Percent(d.Availability), KpiToneRules.Availability(d.Availability, targets), Bold: true),
            })]);
    }

    private static IEnumerable<DocumentBlock> Tickets(MonthlyReport r, IStringLocalizer T)
    {
        yield return new HeadingBlock(T["Faults and service tickets"]);
        if (r.Tickets.Count == 0)
        {
            yield return new TextBlock(T["No faults were reported this month."]);
            yield break;
        }

        yield return new TextBlock(Sentences(T, MeanTimes(r.Sla, T), T["Arrivals: {0} on time, {1} late, {2} not needed (cleared before the deadline), {3} in progress.", r.Sla.ArrivalMet, r.Sla.ArrivalMissed, r.Sla.ArrivalNotNeeded, r.Sla.ArrivalPending]), TextStyle.Small);
        yield return new TableBlock(
            [new("#", 0.6f), new(T["Device"], 1.3f), new(T["Fault"], 1.9f), new(T["Severity"], 0.9f), new(T["Opened"], 1.2f), new(T["Arrive by"], 1.2f), new(T["Arrival"], 1.0f), new(T["Restored in"], 1.2f), new(T["Status"], 1.2f)],
            [.. r.Tickets.Select(t => new PdfCell[]
            {
                t.TicketId.ToString(Culture), t.DeviceId, Word(t.Fault, T), Word(t.Severity.ToString().ToLowerInvariant(), T), When(t.OpenedAt, T), When(t.ArrivalDueAt, T),
                new(Outcome(t.ArrivalOutcome, T), Tone(t.ArrivalOutcome)), Duration(t.ToRestore, T), Word(t.Status, T),
            })]);
    }

    private static IEnumerable<DocumentBlock> Inspection(MonthlyReport r, IStringLocalizer T)
    {
        yield return new HeadingBlock(T["Monthly inspection"]);
        if (r.Inspection is not { } i)
        {
            yield return new TextBlock(T["No inspection was due this month under the contract."]);
            yield break;
        }

        var done = i.CompletedAt is { } at ? T["completed {0}", When(at, T)] : T["scheduled {0}, not completed", Day(i.ScheduledFor, T)];
        string line = T["Inspection #{0}, technician {1}, {2}. {3} passed · {4} failed · {5} not applicable · {6} not checked.", i.JobId, i.TechnicianId ?? T["to be assigned"], done, i.Passed, i.Failed, i.NotApplicable, i.Pending];
        yield return new TextBlock(i.Remarks is { Length: > 0 } remarks ? Sentences(T, line, T["Remarks: {0}", remarks]) : line, TextStyle.Small);
        yield return new TableBlock(
            [new(T["No."], 0.5f), new(T["Area"], 1.3f), new(T["Item"], 2.2f), new(T["Telemetry before the visit"], 2.4f), new(T["Result"], 0.9f), new(T["Note"], 2.2f)],
            [.. i.Lines.Select(l => new PdfCell[]
            {
                l.Position.ToString(Culture), Area(l.Area, T), Word(l.Label, T), l.Prefill ?? "", new(Result(l.Result, T), Tone(l.Result)),
                (l.Note ?? string.Empty) + (l.TicketId is { } id ? " " + T["(ticket {0})", id] : string.Empty),
            })]);
    }

    private static IEnumerable<DocumentBlock> Defects(MonthlyReport r, IStringLocalizer T)
    {
        yield return new HeadingBlock(T["Open defects at the end of the month"]);
        if (r.OpenDefects.Count == 0)
        {
            yield return new TextBlock(T["None: every fault reported was cleared."], Tone: PdfTone.Good);
            yield break;
        }

        yield return new TableBlock(
            [new("#", 0.6f), new(T["Device"], 1.6f), new(T["Fault"], 2.2f), new(T["Opened"], 1.4f), new(T["Open for"], 1.2f), new(T["Arrival"], 1.0f)],
            [.. r.OpenDefects.Select(t => new PdfCell[]
            {
                t.TicketId.ToString(Culture), t.DeviceId, Word(t.Fault, T), When(t.OpenedAt, T), Duration(r.To - t.OpenedAt, T), new(Outcome(t.ArrivalOutcome, T), Tone(t.ArrivalOutcome)),
            })]);
    }

    private static IEnumerable<DocumentBlock> Feedback(MonthlyReport r, IStringLocalizer T)
    {
        yield return new HeadingBlock(T["Your feedback"]);
        var f = r.Feedback;
        if (f.SurveysAnswered == 0)
        {
            yield return new TextBlock(f.SurveysSent == 0 ? T["No service visits called for a survey this month."] : T["{0} surveys were sent; none has been answered yet.", f.SurveysSent]);
        }
        else
        {
            yield return new TextBlock(T["{0} of {1} surveys answered; {2} satisfied on every question. Average on a scale of 1 (dissatisfied) to 4 (very satisfied):", f.SurveysAnswered, f.SurveysSent, Percent(f.SatisfactionRate)], TextStyle.Small);
            yield return new TableBlock(
                [new(T["Question"], 3), new(T["Average"], 1, PdfAlign.Right)],
                [.. SurveyScore.Questions.Select((q, k) => new PdfCell[] { Word(q, T), new(f.Averages[k].ToString("0.0", Culture), f.Averages[k] >= 3 ? PdfTone.Good : PdfTone.Warn, Bold: true) })]);
            foreach (var comment in f.Comments.Take(5))
            {
                yield return new TextBlock($"“{comment}”", TextStyle.Quote);
            }
        }

        if (f.Complaints.Count > 0)
        {
            yield return new HeadingBlock(T["Complaints"], 2);
            yield return new TableBlock(
                [new(T["No."], 1), new(T["Received"], 1.2f), new(T["Complaint"], 3.5f), new(T["Status"], 1.5f)],
                [.. f.Complaints.Select(c => new PdfCell[] { c.Number, When(c.ReceivedAt, T), c.Summary, new(Word(c.Status, T), c.Status.Contains("overdue", StringComparison.Ordinal) || c.Status.Contains("late", StringComparison.Ordinal) ? PdfTone.Bad : PdfTone.Neutral) })]);
        }

        yield return new SpaceBlock(10);
        yield return new TextBlock(T["Thank you for trusting us with your security system. Questions about this report, or a fault to report: call the service centre, any hour of the day."], TextStyle.Quote);
    }
}

using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Feedback;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>Lays out a <see cref="MonthlyReport"/> as the PDF the customer receives.</summary>
internal static class MonthlyReportPdf
{
    public static byte[] Render(MonthlyReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var footer = $"{r.Site.Customer ?? r.Site.Name}{(r.Contract is { } c ? " · contract " + c.Number : string.Empty)} · generated {r.GeneratedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", Culture)} UTC";
        var pdf = new PdfLayout("Monthly inspection report", $"{r.Site.Name} · {MonthName(r.Month)}", footer);
        Overview(pdf, r);
        Devices(pdf, r);
        Tickets(pdf, r);
        Inspection(pdf, r);
        Defects(pdf, r);
        Feedback(pdf, r);
        return pdf.ToBytes(r.GeneratedAt);
    }

    private static void Overview(PdfLayout pdf, MonthlyReport r)
    {
        pdf.Paragraph(Summary(r), 10.5f);
        pdf.Space(4);
        var inspection = r.Inspection is { } i ? $"{i.Passed}/{i.Lines.Count}" : "—";
        pdf.Tiles(
        [
            new("Availability", Percent(r.SiteAvailability), $"{Duration(r.TotalDowntime)} downtime", AvailabilityTone(r.SiteAvailability)),
            new("Faults", r.Sla.Tickets.ToString(Culture), r.Sla.RepeatFaults > 0 ? $"{r.Sla.RepeatFaults} repeat" : "no repeats", r.Sla.Tickets == 0 ? PdfTone.Good : PdfTone.Neutral),
            new("Arrival on time", Percent(r.Sla.OnTimeRate), ArrivalNote(r.Sla), RateTone(r.Sla.OnTimeRate, 0.9)),
            new("Inspection", inspection, r.Inspection is { Failed: > 0 } f ? $"{f.Failed} failed" : "items passed", r.Inspection is { Failed: > 0 } ? PdfTone.Warn : PdfTone.Good),
            new("Satisfaction", Percent(r.Feedback.SatisfactionRate), $"{r.Feedback.SurveysAnswered} of {r.Feedback.SurveysSent} surveys", RateTone(r.Feedback.SatisfactionRate, 0.85)),
        ]);
        pdf.Facts(
        [
            ("Site", r.Site.Name),
            ("Customer", r.Site.Customer ?? "—"),
            ("Address", r.Site.Address ?? "—"),
            ("Phone", r.Site.Phone ?? "—"),
            ("Contract", r.Contract?.Number ?? "none on record"),
            ("Service", r.Contract is { } c ? ContractRules.Describe(c.Category) : "—"),
            ("Period", r.Contract is { } p ? $"{Day(p.StartsOn)} – {Day(p.EndsOn)}" : "—"),
            ("Inspections", r.Contract is { } e ? (e.InspectEveryMonths == 1 ? "monthly" : $"every {e.InspectEveryMonths} months") : "—"),
        ]);
        var labels = r.Daily.Select(d => d.Day.Day.ToString(Culture)).ToList();
        pdf.BarChart("Faults reported per day", labels, [.. r.Daily.Select(d => (double)d.FaultsOpened)], v => v.ToString("0", Culture), 90);
        var lowest = r.Daily.Count == 0 ? 1 : r.Daily.Min(d => d.Availability);
        var floor = Math.Min(0.95, Math.Floor(lowest * 20) / 20);
        pdf.LineChart("Availability per day (dashed: 99 %)", labels, [.. r.Daily.Select(d => d.Availability)], floor, 1, 0.99, v => (v * 100).ToString("0", Culture) + "%", 90);
    }

    private static void Devices(PdfLayout pdf, MonthlyReport r)
    {
        pdf.Heading("Device availability");
        pdf.Paragraph("Measured from the moment a device reported a fault until it reported the fault cleared; overlapping faults on one device count once. Least available first.", 8.5f, italic: true);
        pdf.Table(
            [new("Device", 3.2f), new("Kind", 1.2f), new("Faults", 0.9f, PdfAlign.Right), new("Downtime", 1.4f, PdfAlign.Right), new("Availability", 1.4f, PdfAlign.Right)],
            [.. r.Devices.Select(d => new PdfCell[]
            {
                d.Label, d.Kind.ToString().ToLowerInvariant(), d.Faults.ToString(Culture), Duration(d.Downtime == TimeSpan.Zero ? null : d.Downtime),
                new(Percent(d.Availability), AvailabilityTone(d.Availability), Bold: true),
            })]);
    }

    private static void Tickets(PdfLayout pdf, MonthlyReport r)
    {
        pdf.Heading("Faults and service tickets");
        if (r.Tickets.Count == 0)
        {
            pdf.Paragraph("No faults were reported this month.");
            return;
        }

        pdf.Paragraph(MeanTimes(r.Sla) + $"Arrivals: {r.Sla.ArrivalMet} on time, {r.Sla.ArrivalMissed} late, {r.Sla.ArrivalNotNeeded} not needed (cleared before the deadline), {r.Sla.ArrivalPending} in progress.", 9);
        pdf.Table(
            [new("#", 0.6f), new("Device", 1.3f), new("Fault", 1.9f), new("Severity", 0.9f), new("Opened", 1.2f), new("Arrive by", 1.2f), new("Arrival", 1.0f), new("Restored in", 1.2f), new("Status", 1.2f)],
            [.. r.Tickets.Select(t => new PdfCell[]
            {
                t.TicketId.ToString(Culture), t.DeviceId, t.Fault, t.Severity.ToString().ToLowerInvariant(), When(t.OpenedAt), When(t.ArrivalDueAt),
                new(Outcome(t.ArrivalOutcome), Tone(t.ArrivalOutcome)), Duration(t.ToRestore), t.Status,
            })]);
    }

    private static void Inspection(PdfLayout pdf, MonthlyReport r)
    {
        pdf.Heading("Monthly inspection");
        if (r.Inspection is not { } i)
        {
            pdf.Paragraph("No inspection was due this month under the contract.");
            return;
        }

        var done = i.CompletedAt is { } at ? $"completed {When(at)}" : $"scheduled {Day(i.ScheduledFor)}, not completed";
        pdf.Paragraph($"Inspection #{i.JobId}, technician {i.TechnicianId ?? "to be assigned"}, {done}. {i.Passed} passed · {i.Failed} failed · {i.NotApplicable} not applicable · {i.Pending} not checked."
            + (i.Remarks is { Length: > 0 } remarks ? $" Remarks: {remarks}" : string.Empty), 9);
        pdf.Table(
            [new("No.", 0.5f), new("Area", 1.3f), new("Item", 2.2f), new("Telemetry before the visit", 2.4f), new("Result", 0.9f), new("Note", 2.2f)],
            [.. i.Lines.Select(l => new PdfCell[]
            {
                l.Position.ToString(Culture), Area(l.Area), l.Label, l.Prefill ?? "", new(Result(l.Result), Tone(l.Result)),
                (l.Note ?? string.Empty) + (l.TicketId is { } id ? $" (ticket {id})" : string.Empty),
            })]);
    }

    private static void Defects(PdfLayout pdf, MonthlyReport r)
    {
        pdf.Heading("Open defects at the end of the month");
        if (r.OpenDefects.Count == 0)
        {
            pdf.Paragraph("None: every fault reported was cleared.", tone: PdfTone.Good);
            return;
        }

        pdf.Table(
            [new("#", 0.6f), new("Device", 1.6f), new("Fault", 2.2f), new("Opened", 1.4f), new("Open for", 1.2f), new("Arrival", 1.0f)],
            [.. r.OpenDefects.Select(t => new PdfCell[]
            {
                t.TicketId.ToString(Culture), t.DeviceId, t.Fault, When(t.OpenedAt), Duration(r.To - t.OpenedAt), new(Outcome(t.ArrivalOutcome), Tone(t.ArrivalOutcome)),
            })]);
    }

    private static void Feedback(PdfLayout pdf, MonthlyReport r)
    {
        pdf.Heading("Your feedback");
        var f = r.Feedback;
        if (f.SurveysAnswered == 0)
        {
            pdf.Paragraph(f.SurveysSent == 0 ? "No service visits called for a survey this month." : $"{f.SurveysSent} surveys were sent; none has been answered yet.");
        }
        else
        {
            pdf.Paragraph($"{f.SurveysAnswered} of {f.SurveysSent} surveys answered; {Percent(f.SatisfactionRate)} satisfied on every question. Average on a scale of 1 (dissatisfied) to 4 (very satisfied):", 9);
            pdf.Table(
                [new("Question", 3), new("Average", 1, PdfAlign.Right)],
                [.. SurveyScore.Questions.Select((q, k) => new PdfCell[] { q, new(f.Averages[k].ToString("0.0", Culture), f.Averages[k] >= 3 ? PdfTone.Good : PdfTone.Warn, Bold: true) })]);
            foreach (var comment in f.Comments.Take(5))
            {
                pdf.Paragraph($"“{comment}”", 9, italic: true);
            }
        }

        if (f.Complaints.Count > 0)
        {
            pdf.Heading("Complaints", 2);
            pdf.Table(
                [new("No.", 1), new("Received", 1.2f), new("Complaint", 3.5f), new("Status", 1.5f)],
                [.. f.Complaints.Select(c => new PdfCell[] { c.Number, When(c.ReceivedAt), c.Summary, new(c.Status, c.Status.Contains("overdue", StringComparison.Ordinal) || c.Status.Contains("late", StringComparison.Ordinal) ? PdfTone.Bad : PdfTone.Neutral) })]);
        }

        pdf.Space(10);
        pdf.Paragraph("Thank you for trusting us with your security system. Questions about this report, or a fault to report: call the service centre, any hour of the day.", 9, italic: true);
    }
}

using System.Globalization;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Kpis;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// The quarterly maintenance report per customer (DOMAIN.md §3, 4.1.5): how each of the customer's
/// systems ran over the quarter and what was done, from the same KPIs the dashboard shows.
/// </summary>
internal static class QuarterlyReportPdf
{
    public static byte[] Render(string customer, DateOnly firstMonth, KpiInputs inputs, IReadOnlyDictionary<string, string> siteNames, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var quarter = $"Q{((firstMonth.Month - 1) / 3) + 1} {firstMonth.Year}";
        var pdf = new PdfLayout("Quarterly maintenance report", $"{customer} · {quarter}", $"{customer} · generated {generatedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", Culture)} UTC");
        var company = KpiCalculator.By(KpiDimension.Company, inputs).SingleOrDefault();
        var sites = KpiCalculator.By(KpiDimension.Site, inputs);
        pdf.Paragraph($"From {Day(firstMonth)} to {Day(firstMonth.AddMonths(3).AddDays(-1))} we looked after {siteNames.Count} of your sites. "
            + $"Your systems were available {Percent(company?.Availability, 2)} of the time; {company?.Tickets ?? 0} faults were handled and "
            + $"{inputs.Inspections.Count(j => j.CompletedAt is not null)} of {inputs.Inspections.Count} scheduled inspections were completed.", 10.5f);
        pdf.Tiles(
        [
            new("Availability", Percent(company?.Availability, 2), "mean over your sites", company?.Availability is { } a ? AvailabilityTone(a) : PdfTone.Neutral),
            new("Faults", (company?.Tickets ?? 0).ToString(Culture), $"repeat {Percent(company?.RepeatRate, 0)}"),
            new("Arrival on time", Percent(company?.OnTimeRate), "target 90 %", RateTone(company?.OnTimeRate, 0.9)),
            new("Inspections", Percent(company?.InspectionCompletion), "completed as planned", RateTone(company?.InspectionCompletion, 1)),
            new("Satisfaction", Percent(company?.Satisfaction), "target 85 %", RateTone(company?.Satisfaction, 0.85)),
        ]);

        var months = Enumerable.Range(0, 3).Select(firstMonth.AddMonths).ToList();
        pdf.BarChart("Faults per month", [.. months.Select(m => m.ToString("MMM", Culture))],
            [.. months.Select(m => (double)inputs.Tickets.Count(t => t.OpenedAt.Year == m.Year && t.OpenedAt.Month == m.Month))], v => v.ToString("0", Culture), 80);

        pdf.Heading("Your sites");
        pdf.Table(
            [new("Site", 2.6f), new("Faults", 0.8f, PdfAlign.Right), new("On time", 1, PdfAlign.Right), new("Restore", 1.2f, PdfAlign.Right), new("Inspections", 1.1f, PdfAlign.Right), new("Availability", 1.2f, PdfAlign.Right)],
            [.. sites.Select(k => new PdfCell[]
            {
                siteNames.GetValueOrDefault(k.Group, k.Group), k.Tickets.ToString(Culture), new(Percent(k.OnTimeRate), RateTone(k.OnTimeRate, 0.9)), Duration(k.MeanToRestore),
                new(Percent(k.InspectionCompletion), RateTone(k.InspectionCompletion, 1)), new(Percent(k.Availability, 2), k.Availability is { } v ? AvailabilityTone(v) : PdfTone.Neutral, Bold: true),
            })]);

        pdf.Heading("What was done");
        var failed = inputs.Inspections.SelectMany(j => j.Items.Where(i => i.Result == Inspections.ItemResult.Fail).Select(i => (j, i))).ToList();
        pdf.Paragraph(failed.Count == 0
            ? "Every inspection item passed this quarter."
            : failed.Count == 1 ? "One inspection item failed and was repaired under a ticket:" : $"{failed.Count} inspection items failed and were repaired under tickets:", 9);
        if (failed.Count > 0)
        {
            pdf.Table(
                [new("Site", 2), new("Month", 1), new("Item", 2), new("Note", 3)],
                [.. failed.Select(f => new PdfCell[] { siteNames.GetValueOrDefault(f.j.SiteId, f.j.SiteId), f.j.Month.ToString("MMM yyyy", Culture), f.i.Label, f.i.Note ?? string.Empty })]);
        }

        if (inputs.Complaints.Count > 0)
        {
            pdf.Heading("Complaints", 2);
            pdf.Table(
                [new("No.", 1), new("Cause", 1.3f), new("Complaint", 3.5f), new("Fix", 3)],
                [.. inputs.Complaints.Select(c => new PdfCell[] { c.Number, c.Cause.ToString(), c.Summary, c.Fix ?? "in hand" })]);
        }

        return pdf.ToBytes(generatedAt);
    }

    public static bool TryQuarter(string? text, out DateOnly firstMonth)
    {
        firstMonth = default;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'Q'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || text[6] is < '1' or > '4')
        {
            return false;
        }

        firstMonth = new DateOnly(year, ((text[6] - '1') * 3) + 1, 1);
        return true;
    }
}

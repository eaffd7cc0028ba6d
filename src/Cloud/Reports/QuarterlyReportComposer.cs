using System.Globalization;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Kpis;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// The quarterly maintenance report per customer: how each of the customer's systems ran over
/// the quarter and what was done, from the same KPIs and targets the dashboard shows. Pure.
/// </summary>
internal static class QuarterlyReportComposer
{
    public static ReportDocument Compose(string customer, DateOnly firstMonth, KpiInputs inputs, IReadOnlyDictionary<string, string> siteNames, DateTimeOffset generatedAt, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(siteNames);
        ArgumentNullException.ThrowIfNull(targets);
        var quarter = $"Q{((firstMonth.Month - 1) / 3) + 1} {firstMonth.Year}";
        var company = KpiCalculator.By(KpiDimension.Company, inputs).SingleOrDefault();
        var sites = KpiCalculator.By(KpiDimension.Site, inputs);
        var months = Enumerable.Range(0, 3).Select(firstMonth.AddMonths).ToList();
        List<DocumentBlock> blocks =
        [
            new TextBlock(
                $"From {Day(firstMonth)} to {Day(firstMonth.AddMonths(3).AddDays(-1))} we looked after {siteNames.Count} of your sites. "
                + $"Your systems were available {Percent(company?.Availability, 2)} of the time; {company?.Tickets ?? 0} faults were handled and "
                + $"{inputs.Inspections.Count(j => j.CompletedAt is not null)} of {inputs.Inspections.Count} scheduled inspections were completed.",
                TextStyle.Lead),
            new TilesBlock(
            [
                new("Availability", Percent(company?.Availability, 2), "mean over your sites", KpiToneRules.Availability(company?.Availability, targets)),
                new("Faults", (company?.Tickets ?? 0).ToString(Culture), $"repeat {Percent(company?.RepeatRate, 0)}"),
                new("Arrival on time", Percent(company?.OnTimeRate), $"target {Percent(targets.OnTimeRate, 0)}", KpiToneRules.AtLeast(company?.OnTimeRate, targets.OnTimeRate)),
                new("Inspections", Percent(company?.InspectionCompletion), "completed as planned", KpiToneRules.AtLeast(company?.InspectionCompletion, targets.InspectionCompletion)),
                new("Satisfaction", Percent(company?.Satisfaction), $"target {Percent(targets.Satisfaction, 0)}", KpiToneRules.AtLeast(company?.Satisfaction, targets.Satisfaction)),
            ]),
            new BarChartBlock("Faults per month", [.. months.Select(m => m.ToString("MMM", Culture))],
                [.. months.Select(m => (double)inputs.Tickets.Count(t => t.OpenedAt.Year == m.Year && t.OpenedAt.Month == m.Month))], v => v.ToString("0", Culture), 80),
            new HeadingBlock("Your sites"),
            new TableBlock(
                [new("Site", 2.6f), new("Faults", 0.8f, PdfAlign.Right), new("On time", 1, PdfAlign.Right), new("Restore", 1.2f, PdfAlign.Right), new("Inspections", 1.1f, PdfAlign.Right), new("Availability", 1.2f, PdfAlign.Right)],
                [.. sites.Select(k => new PdfCell[]
                {
                    siteNames.GetValueOrDefault(k.Group, k.Group), k.Tickets.ToString(Culture), new(Percent(k.OnTimeRate), KpiToneRules.AtLeast(k.OnTimeRate, targets.OnTimeRate)), Duration(k.MeanToRestore),
                    new(Percent(k.InspectionCompletion), KpiToneRules.AtLeast(k.InspectionCompletion, targets.InspectionCompletion)),
                    new(Percent(k.Availability, 2), KpiToneRules.Availability(k.Availability, targets), Bold: true),
                })]),
            .. Done(inputs, siteNames),
        ];
        return new ReportDocument("Quarterly maintenance report", $"{customer} · {quarter}", $"{customer} · generated {Generated(generatedAt)}", generatedAt, blocks);
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

    private static IEnumerable<DocumentBlock> Done(KpiInputs inputs, IReadOnlyDictionary<string, string> siteNames)
    {
        yield return new HeadingBlock("What was done");
        var failed = inputs.Inspections.SelectMany(j => j.Items.Where(i => i.Result == ItemResult.Fail).Select(i => (j, i))).ToList();
        yield return new TextBlock(
            failed.Count == 0
                ? "Every inspection item passed this quarter."
                : failed.Count == 1 ? "One inspection item failed and was repaired under a ticket:" : $"{failed.Count} inspection items failed and were repaired under tickets:",
            TextStyle.Small);
        if (failed.Count > 0)
        {
            yield return new TableBlock(
                [new("Site", 2), new("Month", 1), new("Item", 2), new("Note", 3)],
                [.. failed.Select(f => new PdfCell[] { siteNames.GetValueOrDefault(f.j.SiteId, f.j.SiteId), f.j.Month.ToString("MMM yyyy", Culture), f.i.Label, f.i.Note ?? string.Empty })]);
        }

        if (inputs.Complaints.Count > 0)
        {
            yield return new HeadingBlock("Complaints", 2);
            yield return new TableBlock(
                [new("No.", 1), new("Cause", 1.3f), new("Complaint", 3.5f), new("Fix", 3)],
                [.. inputs.Complaints.Select(c => new PdfCell[] { c.Number, c.Cause.ToString(), c.Summary, c.Fix ?? "in hand" })]);
        }
    }
}

using System.Globalization;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Kpis;
using Microsoft.Extensions.Localization;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// The quarterly maintenance report per customer: how each of the customer's systems ran over
/// the quarter and what was done, from the same KPIs and targets the dashboard shows, every word
/// from <c>Strings</c> in the current culture (docs/localization.md). Pure.
/// </summary>
internal static class QuarterlyReportComposer
{
    public static ReportDocument Compose(string customer, DateOnly firstMonth, KpiInputs inputs, IReadOnlyDictionary<string, string> siteNames, DateTimeOffset generatedAt, KpiTargets targets, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(siteNames);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(T);
        var quarter = T["Q{0} {1}", ((firstMonth.Month - 1) / 3) + 1, firstMonth.Year.ToString(CultureInfo.InvariantCulture)];
        var company = KpiCalculator.By(KpiDimension.Company, inputs).SingleOrDefault();
        var sites = KpiCalculator.By(KpiDimension.Site, inputs);
        var months = Enumerable.Range(0, 3).Select(firstMonth.AddMonths).ToList();
        List<DocumentBlock> blocks =
        [
            new TextBlock(
                Sentences(
                    T,
                    T["From {0} to {1} we looked after {2} of your sites.", Day(firstMonth, T), Day(firstMonth.AddMonths(3).AddDays(-1), T), siteNames.Count],
                    T["Your systems were available {0} of the time; {1} faults were handled and {2} of {3} scheduled inspections were completed.",
                    Percent(company?.Availability, 2), company?.Tickets ?? 0, inputs.Inspections.Count(j => j.CompletedAt is not null), inputs.Inspections.Count]),
                TextStyle.Lead),
            new TilesBlock(
            [
                new(T["Availability"], Percent(company?.Availability, 2), T["mean over your sites"], KpiToneRules.Availability(company?.Availability, targets)),
                new(T["Faults"], (company?.Tickets ?? 0).ToString(Culture), T["repeat rate {0}", Percent(company?.RepeatRate, 0)]),
                new(T["Arrival on time"], Percent(company?.OnTimeRate), T["target {0}", Percent(targets.OnTimeRate, 0)], KpiToneRules.AtLeast(company?.OnTimeRate, targets.OnTimeRate)),
                new(T["Inspections"], Percent(company?.InspectionCompletion), T["completed as planned"], KpiToneRules.AtLeast(company?.InspectionCompletion, targets.InspectionCompletion)),
                new(T["Satisfaction"], Percent(company?.Satisfaction), T["target {0}", Percent(targets.Satisfaction, 0)], KpiToneRules.AtLeast(company?.Satisfaction, targets.Satisfaction)),
            ]),
            new BarChartBlock(T["Faults per month"], [.. months.Select(m => T["{0:MMM}", m].Value)],
                [.. months.Select(m => (double)inputs.Tickets.Count(t => t.OpenedAt.Year == m.Year && t.OpenedAt.Month == m.Month))], v => v.ToString("0", Culture), 80),
            new HeadingBlock(T["Your sites"]),
            new TableBlock(
                [new(T["Site"], 2.6f), new(T["Faults"], 0.8f, PdfAlign.Right), new(T["Arrived on time"], 1, PdfAlign.Right), new(T["Restore"], 1.2f, PdfAlign.Right), new(T["Inspections"], 1.1f, PdfAlign.Right), new(T["Availability"], 1.2f, PdfAlign.Right)],
                [.. sites.Select(k => new PdfCell[]
                {
                    siteNames.GetValueOrDefault(k.Group, k.Group), k.Tickets.ToString(Culture), new(Percent(k.OnTimeRate), KpiToneRules.AtLeast(k.OnTimeRate, targets.OnTimeRate)), Duration(k.MeanToRestore, T),
                    new(Percent(k.InspectionCompletion), KpiToneRules.AtLeast(k.InspectionCompletion, targets.InspectionCompletion)),
                    new(Percent(k.Availability, 2), KpiToneRules.Availability(k.Availability, targets), Bold: true),
                })]),
            .. Done(inputs, siteNames, T),
        ];
        return new ReportDocument(T["Quarterly maintenance report"], $"{customer} · {quarter}", T["{0} · generated {1}", customer, Generated(generatedAt, T)], generatedAt, blocks) { PageOf = T["Page {0} of {1}"] };
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

    private static IEnumerable<DocumentBlock> Done(KpiInputs inputs, IReadOnlyDictionary<string, string> siteNames, IStringLocalizer T)
    {
        yield return new HeadingBlock(T["What was done"]);
        var failed = inputs.Inspections.SelectMany(j => j.Items.Where(i => i.Result == ItemResult.Fail).Select(i => (j, i))).ToList();
        yield return new TextBlock(
            failed.Count == 0
                ? T["Every inspection item passed this quarter."]
                : failed.Count == 1 ? T["One inspection item failed and was repaired under a ticket:"] : T["{0} inspection items failed and were repaired under tickets:", failed.Count],
            TextStyle.Small);
        if (failed.Count > 0)
        {
            yield return new TableBlock(
                [new(T["Site"], 2), new(T["Month"], 1), new(T["Item"], 2), new(T["Note"], 3)],
                [.. failed.Select(f => new PdfCell[] { siteNames.GetValueOrDefault(f.j.SiteId, f.j.SiteId), T["{0:MMMM yyyy}", f.j.Month].Value, Word(f.i.Label, T), f.i.Note ?? string.Empty })]);
        }

        if (inputs.Complaints.Count > 0)
        {
            yield return new HeadingBlock(T["Complaints"], 2);
            yield return new TableBlock(
                [new(T["No."], 1), new(T["Cause"], 1.3f), new(T["Complaint"], 3.5f), new(T["Fix"], 3)],
                [.. inputs.Complaints.Select(c => new PdfCell[] { c.Number, Word(c.Cause.ToString(), T), c.Summary, c.Fix ?? T["in hand"] })]);
        }
    }
}

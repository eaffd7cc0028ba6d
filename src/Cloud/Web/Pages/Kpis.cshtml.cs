using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>The service manager's dashboard: the §5 targets per company, zone, technician and site, with the month's complaint causes.</summary>
internal sealed class KpisModel(KpiService kpis, KpiTargetStore targets, TenantCalendars calendars, TimeProvider time) : PageModel
{
    public KpiTargets Targets { get; private set; } = new();

    public DateOnly Month { get; private set; }

    public IReadOnlyList<(string Title, IReadOnlyList<KpiFigures> Rows)> Tables { get; private set; } = [];

    public IReadOnlyList<ComplaintCauseLine> Causes { get; private set; } = [];

    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        var tenant = DeskUser.From(User).TenantId;
        Targets = await targets.ForAsync(tenant, cancellationToken);
        Month = ServiceMonth.TryParse(month, out var m) ? m : calendars.For(tenant).MonthOf(time.GetUtcNow());
        var inputs = await kpis.LoadAsync(tenant, Month, 1, cancellationToken);
        Tables =
        [
            ("Company", KpiCalculator.By(KpiDimension.Company, inputs)),
            ("By zone", KpiCalculator.By(KpiDimension.Zone, inputs)),
            ("By technician", KpiCalculator.By(KpiDimension.Technician, inputs)),
            ("By site", KpiCalculator.By(KpiDimension.Site, inputs)),
        ];
        Causes = FeedbackAnalysis.ComplaintsByCause(inputs.Complaints);
    }

    /// <summary>A rate's cell, coloured by how it reads against its target (<see cref="KpiToneRules"/>).</summary>
    public static string Rate(double? value, PdfTone tone = PdfTone.Neutral)
    {
        if (value is not { } v)
        {
            return "<td class=\"r muted\">—</td>";
        }

        var css = DocumentCss.Of(tone) is { } tint ? " " + tint : string.Empty;
        return $"<td class=\"r{css}\">{ReportFormat.Percent(v, 1)}</td>";
    }
}

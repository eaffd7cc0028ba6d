using System.Globalization;
using System.Net;
using System.Text;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Feedback;
using static AfterSales.Cloud.Reports.ReportFormat;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// The same report as one self-contained HTML page (inline CSS and SVG charts, no scripts), for
/// the archive page and the body of the e-mail.
/// </summary>
internal static class MonthlyReportHtml
{
    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
        header{background:#14213d;color:#fff;padding:18px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c9d3e6}
        main{max-width:960px;margin:0 auto;padding:16px 24px}h2{color:#14213d;border-bottom:2px solid #1f6fb2;padding-bottom:4px;margin-top:28px;font-size:17px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0}
        .tile{background:#f5f7fa;border-radius:6px;padding:10px 12px}.tile b{display:block;font-size:24px;color:#14213d}.tile small{color:#667085}
        .tile.good{background:#e8f3ec}.tile.good b{color:#1b7f3b}.tile.warn{background:#fff1dc}.tile.warn b{color:#b26a00}.tile.bad{background:#fde8e7}.tile.bad b{color:#b3261e}
        table{width:100%;border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}th,td{padding:6px 8px;border-bottom:1px solid #e4e7ec;text-align:left;vertical-align:top}
        th{background:#e9edf3;color:#667085;font-size:11px;text-transform:uppercase}td.r,th.r{text-align:right}
        .good{color:#1b7f3b;font-weight:600}.warn{color:#b26a00;font-weight:600}.bad{color:#b3261e;font-weight:600}.muted{color:#667085}
        dl{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:4px 14px}dt{color:#667085}dd{margin:0;font-weight:600}
        svg{background:#fff;width:100%;height:auto}
        """;

    public static string Render(MonthlyReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var h = new StringBuilder(16_000);
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(E($"Monthly inspection report · {r.Site.Name} · {MonthName(r.Month)}")).Append("</title><style>").Append(Css).Append("</style></head><body>")
            .Append("<header><h1>Monthly inspection report</h1><p>").Append(E($"{r.Site.Name} · {MonthName(r.Month)}")).Append("</p></header><main>")
            .Append("<p>").Append(E(Summary(r))).Append("</p><div class=\"tiles\">");
        Tile(h, "Availability", Percent(r.SiteAvailability), $"downtime {Duration(r.TotalDowntime)}", AvailabilityTone(r.SiteAvailability));
        Tile(h, "Faults", r.Sla.Tickets.ToString(Culture), $"{r.Sla.RepeatFaults} repeat", PdfTone.Neutral);
        Tile(h, "Arrival on time", Percent(r.Sla.OnTimeRate), ArrivalNote(r.Sla), RateTone(r.Sla.OnTimeRate, 0.9));
        Tile(h, "Satisfaction", Percent(r.Feedback.SatisfactionRate), $"{r.Feedback.SurveysAnswered} of {r.Feedback.SurveysSent} surveys", RateTone(r.Feedback.SatisfactionRate, 0.85));
        h.Append("</div><dl>");
        Fact(h, "Customer", r.Site.Customer);
        Fact(h, "Address", r.Site.Address);
        Fact(h, "Contract", r.Contract?.Number);
        Fact(h, "Service", r.Contract is { } c ? ContractRules.Describe(c.Category) : null);
        h.Append("</dl>");
        Bars(h, "Faults reported per day", r.Daily);

        h.Append("<h2>Device availability</h2>");
        Table(h, ["Device", "Kind", "Faults:r", "Downtime:r", "Availability:r"], r.Devices.Select(d => new PdfCell[]
        {
            d.Label, d.Kind.ToString().ToLowerInvariant(), d.Faults.ToString(Culture), Duration(d.Downtime), new(Percent(d.Availability), AvailabilityTone(d.Availability)),
        }));

        h.Append("<h2>Faults and service tickets</h2><p class=\"muted\">").Append(E(MeanTimes(r.Sla))).Append("</p>");
        Table(h, ["#", "Device", "Fault", "Severity", "Opened", "Arrive by", "Arrival", "Restored after", "Status"], r.Tickets.Select(t => new PdfCell[]
        {
            t.TicketId.ToString(Culture), t.DeviceId, t.Fault, t.Severity.ToString().ToLowerInvariant(), When(t.OpenedAt), When(t.ArrivalDueAt),
            new(Outcome(t.ArrivalOutcome), Tone(t.ArrivalOutcome)), Duration(t.ToRestore), t.Status,
        }));

        h.Append("<h2>Monthly inspection</h2>");
        if (r.Inspection is { } i)
        {
            h.Append("<p>").Append(E($"{i.Passed} passed · {i.Failed} failed · {i.NotApplicable} not applicable · {i.Pending} not checked")).Append("</p>");
            Table(h, ["No.", "Area", "Item", "Telemetry", "Result", "Note"], i.Lines.Select(l => new PdfCell[]
            {
                l.Position.ToString(Culture), Area(l.Area), l.Label, l.Prefill ?? string.Empty, new(Result(l.Result), Tone(l.Result)), l.Note ?? string.Empty,
            }));
        }
        else
        {
            h.Append("<p>No inspection was due this month.</p>");
        }

        h.Append("<h2>Open defects</h2>");
        Table(h, ["#", "Device", "Fault", "Opened", "Open for"], r.OpenDefects.Select(t => new PdfCell[]
        {
            t.TicketId.ToString(Culture), t.DeviceId, t.Fault, When(t.OpenedAt), Duration(r.To - t.OpenedAt),
        }));

        h.Append("<h2>Your feedback</h2>");
        Table(h, ["Question", "Average:r"], SurveyScore.Questions.Select((q, k) => new PdfCell[] { q, r.Feedback.SurveysAnswered == 0 ? "—" : r.Feedback.Averages[k].ToString("0.0", Culture) }));
        Table(h, ["No.", "Received", "Complaint", "Status"], r.Feedback.Complaints.Select(x => new PdfCell[] { x.Number, When(x.ReceivedAt), x.Summary, x.Status }));
        h.Append("<p class=\"muted\">").Append(E($"Generated {r.GeneratedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", Culture)} UTC by AfterSales.")).Append("</p></main></body></html>");
        return h.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Class(PdfTone tone) => tone switch
    {
        PdfTone.Good => "good",
        PdfTone.Warn => "warn",
        PdfTone.Bad => "bad",
        PdfTone.Neutral => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    private static void Tile(StringBuilder h, string label, string value, string note, PdfTone tone) =>
        h.Append("<div class=\"tile ").Append(Class(tone)).Append("\"><small>").Append(E(label)).Append("</small><b>").Append(E(value)).Append("</b><small>").Append(E(note)).Append("</small></div>");

    private static void Fact(StringBuilder h, string label, string? value) =>
        h.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value ?? "—")).Append("</dd>");

    /// <summary>Columns named "Header:r" are right-aligned. An empty table says so instead of showing bare headers.</summary>
    private static void Table(StringBuilder h, string[] columns, IEnumerable<PdfCell[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            h.Append("<p class=\"muted\">None.</p>");
            return;
        }

        var right = columns.Select(c => c.EndsWith(":r", StringComparison.Ordinal)).ToArray();
        h.Append("<table><thead><tr>");
        for (var i = 0; i < columns.Length; i++)
        {
            h.Append(right[i] ? "<th class=\"r\">" : "<th>").Append(E(right[i] ? columns[i][..^2] : columns[i])).Append("</th>");
        }

        h.Append("</tr></thead><tbody>");
        foreach (var row in list)
        {
            h.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var css = (Class(row[i].Tone) + (right[i] ? " r" : string.Empty)).Trim();
                h.Append(css.Length > 0 ? $"<td class=\"{css}\">" : "<td>").Append(E(row[i].Text)).Append("</td>");
            }

            h.Append("</tr>");
        }

        h.Append("</tbody></table>");
    }

    private static void Bars(StringBuilder h, string caption, IReadOnlyList<DailyPoint> days)
    {
        const int width = 900, height = 140, left = 30, bottom = 20;
        var max = PdfLayout.NiceMax(days.Select(d => (double)d.FaultsOpened).DefaultIfEmpty(0).Max());
        var slot = (width - left) / (double)Math.Max(1, days.Count);
        h.Append("<h2>").Append(E(caption)).Append("</h2>")
            .Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(caption)}\">")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" stroke=\"#d9dee6\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"14\" font-size=\"10\" text-anchor=\"end\" fill=\"#667085\">{max}</text>");
        for (var i = 0; i < days.Count; i++)
        {
            var barHeight = days[i].FaultsOpened / max * (height - bottom - 10);
            var x = left + (i * slot);
            h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + (slot * 0.2):0.#}\" y=\"{height - bottom - barHeight:0.#}\" width=\"{slot * 0.6:0.#}\" height=\"{barHeight:0.#}\" fill=\"#1f6fb2\"><title>{days[i].Day:d MMM}: {days[i].FaultsOpened}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot / 2):0.#}\" y=\"{height - 6}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#667085\">{days[i].Day.Day}</text>");
        }

        h.Append("</svg>");
    }
}

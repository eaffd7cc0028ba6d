using System.Globalization;
using AfterSales.Cloud.Documents.Model;

namespace AfterSales.Cloud.Documents;

/// <summary>The HTML page's style sheet and the classes that carry tone, alignment and text style; the PDF's colours are in <see cref="PdfStyle"/>.</summary>
internal static class DocumentCss
{
    public const string Text = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
        header{background:#14213d;color:#fff;padding:18px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c9d3e6}
        main{max-width:960px;margin:0 auto;padding:16px 24px}h2{color:#14213d;border-bottom:2px solid #1f6fb2;padding-bottom:4px;margin-top:28px;font-size:17px}
        h3{color:#1d2330;font-size:15px;margin:18px 0 6px}footer{max-width:960px;margin:0 auto;padding:8px 24px 24px;color:#667085;font-size:12px}
        p.lead{font-size:15px}p.small{font-size:13px}p.note{font-size:12px;font-style:italic;color:#667085}p.quote{font-size:13px;font-style:italic}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0}
        .tile{background:#fff;border:1px solid #e4e7ec;border-radius:6px;padding:10px 12px}.tile b{display:block;font-size:24px;color:#14213d}.tile small{color:#667085;font-weight:400}
        .tile.good{background:#e8f3ec}.tile.good b{color:#1b7f3b}.tile.warn{background:#fff1dc}.tile.warn b{color:#b26a00}.tile.bad{background:#fde8e7}.tile.bad b{color:#b3261e}
        table{width:100%;border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}th,td{padding:6px 8px;border-bottom:1px solid #e4e7ec;text-align:left;vertical-align:top}
        th{background:#e9edf3;color:#667085;font-size:11px;text-transform:uppercase}.r{text-align:right}.c{text-align:center}td.b{font-weight:600}
        .good{color:#1b7f3b;font-weight:600}.warn{color:#b26a00;font-weight:600}.bad{color:#b3261e;font-weight:600}.muted{color:#667085}
        dl{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:4px 14px}dt{color:#667085}dd{margin:0;font-weight:600}
        figure{margin:16px 0}figcaption{font-weight:600;font-size:13px;margin-bottom:4px}svg{background:#fff;width:100%;height:auto}
        """;

    public static string? Of(PdfTone tone) => tone switch
    {
        PdfTone.Good => "good",
        PdfTone.Warn => "warn",
        PdfTone.Bad => "bad",
        PdfTone.Neutral => null,
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    public static string? Of(PdfAlign align) => align switch
    {
        PdfAlign.Left => null,
        PdfAlign.Right => "r",
        PdfAlign.Center => "c",
        _ => throw new ArgumentOutOfRangeException(nameof(align), align, null),
    };

    public static string Of(TextStyle style) => style switch
    {
        TextStyle.Lead => "lead",
        TextStyle.Body => "body",
        TextStyle.Small => "small",
        TextStyle.Note => "note",
        TextStyle.Quote => "quote",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    public static string Px(float points) => (points * 1.33f).ToString("0", CultureInfo.InvariantCulture) + "px";

    /// <summary>A coordinate for an SVG attribute: invariant, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using static AfterSales.Cloud.Tests.Reports.MonthlyReportDocumentTests;
using static AfterSales.Cloud.Tests.Reports.NovemberScenario;

namespace AfterSales.Cloud.Tests.Reports;

/// <summary>The e-mail/archive HTML and the PDF are two faces of one composed report: the same tiles, facts, headings and table cells.</summary>
public sealed partial class ReportDriftTests
{
    private static readonly DocumentHtmlService Renderer = new(NullLoggerFactory.Instance);

    private static readonly ReportDocument Monthly = MonthlyReportComposer.Compose(MonthlyReportBuilder.Build(Inputs(), Month, GeneratedAt, Utc), new KpiTargets(), AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text());

    [Fact]
    public async Task MonthlyReport_HtmlAndPdf_CarryTheSameTilesAndFacts()
    {
        var html = await Renderer.RenderAsync(Monthly);
        var htmlText = Text(html);
        var pdfText = PdfText(DocumentPdf.Render(Monthly));
        var tiles = Monthly.Blocks.OfType<TilesBlock>().Single().Tiles;
        var facts = Monthly.Blocks.OfType<FactsBlock>().Single().Facts;

        Assert.Equal(5, tiles.Count);
        Assert.Equal(8, facts.Count);
        Assert.Equal(tiles.Count, TileDivs().Count(html));
        Assert.Equal(facts.Count, Regex.Count(html, "<dt>", RegexOptions.None, TimeSpan.FromSeconds(1)));
        foreach (var tile in tiles)
        {
            // The PDF sets a tile's label in capitals.
            Shows(pdfText, tile.Label.ToUpperInvariant());
            Shows(htmlText, tile.Label);
            foreach (var text in new[] { tile.Value, tile.Note })
            {
                Shows(pdfText, text);
                Shows(htmlText, text);
            }
        }

        foreach (var fact in facts)
        {
            foreach (var text in new[] { fact.Label, fact.Value })
            {
                Shows(pdfText, text);
                Shows(htmlText, text);
            }
        }
    }

    [Fact]
    public async Task MonthlyReport_HtmlAndPdf_ShowEveryHeadingAndTableCell()
    {
        var htmlText = Text(await Renderer.RenderAsync(Monthly));
        var pdfText = PdfText(DocumentPdf.Render(Monthly));
        var headings = Monthly.Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();
        var cells = Monthly.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).SelectMany(r => r).Select(c => c.Text)
            .Where(t => t.Length is > 0 and < 16).Distinct().ToList(); // short cells: long ones wrap across lines in the PDF

        Assert.Equal(["Device availability", "Faults and service tickets", "Monthly inspection", "Open defects at the end of the month", "Your feedback", "Complaints"], headings);
        foreach (var text in headings.Concat(cells))
        {
            Shows(pdfText, text);
            Shows(htmlText, text);
        }
    }

    [Fact]
    public async Task Html_EveryBlockKind_HasALayout()
    {
        var html = await Renderer.RenderAsync(Monthly);

        Assert.Contains("<polyline", html, StringComparison.Ordinal); // availability per day, as in the PDF
        Assert.Contains("<rect", html, StringComparison.Ordinal);     // faults per day
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    /// <summary>The page's text as a reader sees it: tags dropped, entities decoded.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<div class=\"tile[ \"]")]
    private static partial Regex TileDivs();
}

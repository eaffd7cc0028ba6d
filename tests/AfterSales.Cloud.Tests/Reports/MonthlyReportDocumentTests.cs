using System.Diagnostics;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using static AfterSales.Cloud.Tests.Reports.NovemberScenario;

namespace AfterSales.Cloud.Tests.Reports;

/// <summary>The rendered report, read back the way a customer's PDF viewer and mail client would.</summary>
public class MonthlyReportDocumentTests
{
    private static readonly MonthlyReport Report = MonthlyReportBuilder.Build(Inputs(), Month, GeneratedAt, Utc);

    [Fact]
    public void Pdf_ReadBackAsText_CarriesTheFiguresOnNumberedPages()
    {
        var text = PdfText(Pdf(Report), keep: true);

        Shows(text, "Jinjiang branch · November 2026");
        Shows(text, "available 98.26 % of the time");
        Shows(text, "95.00 %");            // the recorder's availability
        Shows(text, "Corroded BNC joint");
        Shows(text, "2611-001");
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        Shows(text, $"Page {pages} of {pages}");
    }

    [Fact]
    public void Pdf_LongTable_BreaksAcrossPagesAndRepeatsItsHeader()
    {
        var manyItems = Inputs() with { Inspection = Inputs().Inspection };
        for (var i = 0; i < 80; i++)
        {
            manyItems.Inspection!.Items.Add(new() { Position = 100 + i, Area = AfterSales.Cloud.Inspections.InspectionArea.FrontEnd, Label = $"detector-{i}", Check = "walk test", Result = AfterSales.Cloud.Inspections.ItemResult.Pass });
        }

        var text = PdfText(Pdf(MonthlyReportBuilder.Build(manyItems, Month, GeneratedAt, Utc)));
        var pagesWithHeader = text.Split('\f').Count(p => p.Contains("TELEMETRY BEFORE THE VISIT", StringComparison.Ordinal));

        Assert.True(pagesWithHeader >= 2, $"the inspection table header appeared on {pagesWithHeader} page(s)");
        Shows(text, "detector-79");
    }

    [Fact]
    public async Task Html_EscapesCustomerTextAndShowsTheSameFigures()
    {
        var inputs = Inputs();
        inputs.Site.Name = "Jinjiang <branch> & vault";
        var html = await Html(MonthlyReportBuilder.Build(inputs, Month, GeneratedAt, Utc));

        Assert.Contains("Jinjiang &lt;branch&gt; &amp; vault", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<branch>", html, StringComparison.Ordinal);
        Assert.Contains("98.26 %", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    internal static byte[] Pdf(MonthlyReport report) => DocumentPdf.Render(MonthlyReportComposer.Compose(report, new KpiTargets(), AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text()));

    internal static Task<string> Html(MonthlyReport report) => new DocumentHtmlService(NullLoggerFactory.Instance).RenderAsync(MonthlyReportComposer.Compose(report, new KpiTargets(), AfterSales.Cloud.Tests.Documents.CjkPdfTests.Text()));

    /// <summary>Whether the PDF shows the phrase, ignoring whitespace: pdftotext may split a word at a kerning gap or a line end.</summary>
    internal static void Shows(string pdfText, string phrase)
    {
        // NFKC: Skia embeds Noto Sans CJK as Type 3 glyphs whose text map names a shared glyph by its
        // first code point, so 支 may read back as the Kangxi radical ⽀ (docs/reports.md, "Fonts").
        static string Squash(string s) => string.Concat(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
        Assert.True(Squash(pdfText).Contains(Squash(phrase), StringComparison.Ordinal), $"The PDF does not show \"{phrase}\".");
    }

    internal static string PdfText(byte[] pdf, bool keep = false)
    {
        var file = Path.Combine(Path.GetTempPath(), $"aftersales-report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var keepAs = Environment.GetEnvironmentVariable("AFTERSALES_KEEP_REPORT");
            if (keep && !string.IsNullOrEmpty(keepAs))
            {
                File.Copy(file, keepAs, overwrite: true);
            }

            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Diagnostics;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Jobs.JobSheet;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets.Work;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AfterSales.Cloud.Tests.Reports.MonthlyReportDocumentTests;
using static AfterSales.Cloud.Tests.Reports.NovemberScenario;

namespace AfterSales.Cloud.Tests.Documents;

/// <summary>
/// Chinese customer, site and technician names print as Chinese, not as empty boxes: read back with
/// pdftotext, and rendered with pdftoppm to check that the glyphs carry ink (docs/reports.md, "Fonts").
/// </summary>
public sealed class CjkPdfTests
{
    private const string SiteName = "锦江支行营业部";
    private const string Customer = "成都信托银行股份有限公司";
    private const string Address = "成都市锦江区红星路一段一号，靠近春熙路地铁站出口";

    [Fact]
    public void JobSheet_ChineseSiteAndCustomer_AreTextInThePdfAndInkOnThePage()
    {
        var raised = TicketMaker.Raised("site-a", "panel", DeviceKind.Panel, "panel.ac_loss", new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        var sheet = new JobSheetData(
            TicketMaker.Open(raised), SiteName, Customer, Address, "+86 28 8000 0001", "李伟",
            [], [], null, raised.OccurredAt.AddHours(4));

        byte[] pdf;
        using (CultureScope.Use("zh-CN"))
        {
            pdf = JobSheetPdf.Render(sheet, Text());
        }

        var text = PdfText(pdf);
        Shows(text, "服务凭证");
        Shows(text, "联系电话");
        Shows(text, "报修时间");
        Shows(text, "接单时间");
        Shows(text, "尚未签字");
        Assert.DoesNotContain("Job sheet", text, StringComparison.Ordinal);
        Shows(text, SiteName);
        Shows(text, Customer);
        Shows(text, "李伟");
        Shows(text, "2026-12-01 07:00"); // 23:00 UTC shown as Beijing time
        Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
        Assert.True(pdf.Length < 200_000, $"the job sheet is {pdf.Length} bytes: the CJK font should be embedded as a subset");
        AssertGlyphsNotBoxes(pdf, "jobsheet");
    }

    [Fact]
    public void JobSheet_ForAnEnglishReader_HasEnglishLabels()
    {
        var raised = TicketMaker.Raised("site-a", "panel", DeviceKind.Panel, "panel.ac_loss", new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        var sheet = new JobSheetData(TicketMaker.Open(raised), SiteName, Customer, Address, null, "李伟", [], [], null, raised.OccurredAt.AddHours(4));
        byte[] pdf;
        using (CultureScope.Use("en"))
        {
            pdf = JobSheetPdf.Render(sheet, Text());
        }

        var text = PdfText(pdf);
        Shows(text, "Job sheet");
        Shows(text, "Customer and site");
        Shows(text, SiteName);
        Assert.DoesNotContain("服务凭证", text, StringComparison.Ordinal);
    }

    /// <summary>The cloud's resource set, as the host's localisation reads it.</summary>
    internal static IStringLocalizer Text() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Strings));

    [Fact]
    public void MonthlyReport_ChineseNames_WrapAndReadBack()
    {
        var inputs = Inputs();
        inputs.Site.Name = SiteName;
        inputs.Site.Customer = Customer;
        inputs.Site.Address = Address;

        var pdf = AfterSales.Cloud.Tests.Reports.MonthlyReportDocumentTests.Pdf(MonthlyReportBuilder.Build(inputs, Month, GeneratedAt));

        var text = PdfText(pdf);
        Shows(text, SiteName);
        Shows(text, Customer);
        Assert.True(pdf.Length < 400_000, $"the report is {pdf.Length} bytes");
        AssertGlyphsNotBoxes(pdf, "monthly");
    }

    [Fact]
    public void LineBreaks_ChineseText_BreaksBetweenCharactersButNotBeforeClosingPunctuation()
    {
        // Every character is 10 wide: a 60-wide line holds six.
        var lines = LineBreakRules.Wrap("成都市锦江区红星路，一段一号 Chunxi Road", t => t.Length * 10, 60);

        Assert.Equal(["成都市锦江区", "红星路，一段", "一号", "Chunxi", "Road"], lines);
        Assert.All(lines, l => Assert.False(l.StartsWith('，')));
    }

    /// <summary>
    /// Renders page 1 with pdftoppm and looks at each character of the site name where pdftotext
    /// says it is: a missing glyph prints as the same empty box for every character, so identical
    /// ink in every cell means boxes; real Chinese glyphs differ from one another.
    /// </summary>
    private static void AssertGlyphsNotBoxes(byte[] pdf, string name)
    {
        Assert.True(PdfFonts.HasCjk, "Noto Sans CJK SC (Debian fonts-noto-cjk) is not installed: Chinese would print as boxes");
        var dir = Directory.CreateTempSubdirectory("aftersales-cjk-");
        try
        {
            var file = Path.Combine(dir.FullName, name + ".pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir.FullName, name));
            var png = Path.Combine(dir.FullName, name + ".png");
            var keep = Environment.GetEnvironmentVariable("AFTERSALES_KEEP_REPORT");
            if (!string.IsNullOrEmpty(keep))
            {
                File.Copy(png, Path.Combine(Path.GetDirectoryName(keep)!, name + "-cjk.png"), overwrite: true);
            }

            var words = Run("pdftotext", "-bbox", "-f", "1", "-l", "1", file, "-");
            var match = System.Text.RegularExpressions.Regex.Match(words, $"""<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">[^<]*(锦|⾦)""");
            Assert.True(match.Success, "pdftotext found no word with the site name on page 1");
            var box = Enumerable.Range(1, 4).Select(g => double.Parse(match.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture) * 100 / 72).ToArray();
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            var ink = new List<int>();
            const int Characters = 2;
            var cell = (box[2] - box[0]) / Math.Max(Characters, (box[2] - box[0]) / (box[3] - box[1]));
            for (var c = 0; c < Characters; c++)
            {
                var dark = 0;
                for (var x = (int)(box[0] + (c * cell)); x < (int)(box[0] + ((c + 1) * cell)); x++)
                {
                    for (var y = (int)box[1]; y < (int)box[3]; y++)
                    {
                        dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
                    }
                }

                ink.Add(dark);
            }

            Assert.All(ink, d => Assert.True(d > 10, $"a character cell has no ink ({string.Join(", ", ink)})"));
            Assert.True(ink.Distinct().Count() == Characters, $"the characters look alike (boxes?): ink {string.Join(", ", ink)}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}

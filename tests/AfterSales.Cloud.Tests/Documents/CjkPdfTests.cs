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
    public void MonthlyReport_ChineseReader_NamesHeadingsAndDatesAreChineseAndInk()
    {
        var inputs = Inputs();
        inputs.Site.Name = SiteName;
        inputs.Site.Customer = Customer;
        inputs.Site.Address = Address;

        byte[] pdf;
        using (CultureScope.Use("zh-CN"))
        {
            pdf = AfterSales.Cloud.Tests.Reports.MonthlyReportDocumentTests.Pdf(MonthlyReportBuilder.Build(inputs, Month, GeneratedAt, Utc));
        }

        var text = PdfText(pdf, keep: true);
        Shows(text, SiteName);
        Shows(text, Customer);
        Shows(text, "月度巡检报告");
        Shows(text, "2026年11月");
        Shows(text, "设备完好率");
        Shows(text, "按时到场率");
        Shows(text, "月末未消除的缺陷");
        Assert.Matches(@"第 1 \S，共 \d+ \S", text); // 页 reads back as the radical ⻚, which NFKC keeps
        Shows(text, "主机交流掉电"); // the fault code panel.ac_loss, named
        foreach (var english in new[] { "Monthly inspection report", "Device availability", "Page 1 of", "generated", "on time", "UTC" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }

        // Skia embeds each Chinese character it uses as a Type 3 outline, regular and bold apart: a report
        // written in Chinese, not only named in it, holds some 300 distinct characters (docs/reports.md, "Fonts").
        Assert.True(pdf.Length < 600_000, $"the report is {pdf.Length} bytes");
        AssertGlyphsNotBoxes(pdf, "monthly");
    }

    [Fact]
    public void MonthlyReport_EnglishReader_HasEnglishHeadingsAndTheChineseNames()
    {
        var inputs = Inputs();
        inputs.Site.Name = SiteName;
        inputs.Site.Customer = Customer;

        byte[] pdf;
        using (CultureScope.Use("en"))
        {
            pdf = AfterSales.Cloud.Tests.Reports.MonthlyReportDocumentTests.Pdf(MonthlyReportBuilder.Build(inputs, Month, GeneratedAt, Utc));
        }

        var text = PdfText(pdf);
        Shows(text, "Monthly inspection report");
        Shows(text, "November 2026");
        Shows(text, "Device availability");
        Shows(text, SiteName);
        Assert.DoesNotContain("月度巡检报告", text, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarterlyReport_ChineseReader_NamesHeadingsAndQuarterAreChineseAndInk()
    {
        var names = new Dictionary<string, string> { ["site-a"] = SiteName, ["site-b"] = "武侯仓库" };

        byte[] pdf;
        using (CultureScope.Use("zh-CN"))
        {
            pdf = DocumentPdf.Render(QuarterlyReportComposer.Compose(Customer, new DateOnly(2026, 10, 1), AfterSales.Cloud.Tests.Reports.KpiTests.MonthAtTwoSites(), names, GeneratedAt, new AfterSales.Cloud.Kpis.KpiTargets(), Text()));
        }

        var text = PdfText(pdf);
        Shows(text, "季度维保报告");
        Shows(text, Customer + "·2026年第4季度");
        Shows(text, SiteName);
        Shows(text, "武侯仓库");
        Shows(text, "2026年10月1日至2026年12月31日");
        Shows(text, "按时到场率");
        Assert.Matches(@"第 1 \S，共 \d+ \S", text); // 页 reads back as the radical ⻚, which NFKC keeps
        foreach (var english in new[] { "Quarterly maintenance report", "Your sites", "Page 1 of", "generated", "Q4" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }

        AssertGlyphsNotBoxes(pdf, "quarterly");
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

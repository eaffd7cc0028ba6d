using AfterSales.Cloud.Documents;
using SkiaSharp;

namespace AfterSales.Cloud.Tests.Documents;

public class PdfFontsTests
{
    [Fact]
    public void A_pdf_drawn_with_the_embedded_fonts_carries_them_and_its_text()
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output))
        {
            var canvas = document.BeginPage(595, 842);
            using var title = new SKFont(PdfFonts.Bold, 18);
            using var body = new SKFont(PdfFonts.Regular, 10);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText("Monthly inspection report", 40, 60, title, ink);
            canvas.DrawText("Availability 99.8 %", 40, 90, body, ink);
            document.EndPage();
            document.Close();
        }

        var text = System.Text.Encoding.Latin1.GetString(output.ToArray());
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        // Noto Sans CJK SC (fonts-noto-cjk) prints Latin and Chinese alike; CjkPdfTests reads it back.
        // A document without Chinese keeps Liberation Sans (CjkPdfTests covers Chinese).
        Assert.Contains("LiberationSans-Bold", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
    }
}

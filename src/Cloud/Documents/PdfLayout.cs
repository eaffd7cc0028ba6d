using AfterSales.Cloud.Documents.Model;
using SkiaSharp;

namespace AfterSales.Cloud.Documents;

/// <summary>
/// A small flowing layout over SkiaSharp's PDF canvas: headings, wrapped paragraphs, tables that
/// break across pages, vector charts, and a header and footer on every page with "page n of N".
/// Pages are recorded first and drawn at <see cref="WriteTo"/>, so the footer knows the total.
/// </summary>
internal sealed partial class PdfLayout(string title, string subtitle, string footer, string pageOf = "Page {0} of {1}")
{
    private readonly List<List<Action<SKCanvas>>> _pages = [[]];

    public float Y { get; private set; } = PdfStyle.ContentTop;

    public float Remaining => PdfStyle.ContentBottom - Y;

    private List<Action<SKCanvas>> Page => _pages[^1];

    public void NewPage()
    {
        _pages.Add([]);
        Y = PdfStyle.ContentTop;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits, so a block is never split.</summary>
    public void KeepTogether(float height)
    {
        if (height > Remaining && Y > PdfStyle.ContentTop)
        {
            NewPage();
        }
    }

    public void Space(float height) => Y = Math.Min(Y + height, PdfStyle.ContentBottom);

    public void Heading(string text, int level = 1)
    {
        // A heading keeps room for what follows it (a line of text and a short table), so it is never left alone at a page's foot.
        var size = level == 1 ? 15f : 11.5f;
        KeepTogether(size + 150);
        if (Y > PdfStyle.ContentTop)
        {
            Space(level == 1 ? 14 : 8);
        }

        var y = Y + size;
        Draw(c =>
        {
            using var font = new SKFont(PdfFonts.Bold, size);
            using var ink = Paint(level == 1 ? PdfStyle.Navy : PdfStyle.Ink);
            c.DrawText(text, PdfStyle.Margin, y, font, ink);
            if (level == 1)
            {
                using var rule = Paint(PdfStyle.Accent, 1.2f);
                c.DrawLine(PdfStyle.Margin, y + 5, PdfStyle.Margin + PdfStyle.ContentWidth, y + 5, rule);
            }
        });
        Y = y + (level == 1 ? 14 : 8);
    }

    public void Paragraph(string text, float size = 9.5f, PdfTone tone = PdfTone.Neutral, bool italic = false)
    {
        var face = italic ? PdfFonts.Italic : PdfFonts.Regular;
        using var measure = new SKFont(face, size);
        var lineHeight = size * 1.4f;
        foreach (var line in Wrap(text, measure, PdfStyle.ContentWidth))
        {
            KeepTogether(lineHeight);
            var y = Y + size;
            Draw(c =>
            {
                using var font = new SKFont(face, size);
                using var ink = Paint(ToneInk(tone, PdfStyle.Ink));
                c.DrawText(line, PdfStyle.Margin, y, font, ink);
            });
            Y += lineHeight;
        }

        Y += 4;
    }

    /// <summary>Label/value pairs in two columns of pairs: the "who, where, which contract" block.</summary>
    public void Facts(IReadOnlyList<(string Label, string Value)> facts)
    {
        const float rowHeight = 15;
        var half = PdfStyle.ContentWidth / 2;
        var rows = (facts.Count + 1) / 2;
        KeepTogether(rows * rowHeight);
        var top = Y;
        Draw(c =>
        {
            using var label = new SKFont(PdfFonts.Regular, 8.5f);
            using var value = new SKFont(PdfFonts.Bold, 9.5f);
            using var muted = Paint(PdfStyle.Muted);
            using var ink = Paint(PdfStyle.Ink);
            for (var i = 0; i < facts.Count; i++)
            {
                var x = PdfStyle.Margin + (i % 2 * half);
                var y = top + (i / 2 * rowHeight) + 10;
                c.DrawText(facts[i].Label, x, y, label, muted);
                c.DrawText(Fit(facts[i].Value, value, half - 100), x + 95, y, value, ink);
            }
        });
        Y += (rows * rowHeight) + 6;
    }

    public void WriteTo(Stream output, DateTimeOffset created)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title + " — " + subtitle,
            Author = "AfterSales",
            Creator = "AfterSales",
            Creation = created.UtcDateTime,
            Modified = created.UtcDateTime,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        for (var i = 0; i < _pages.Count; i++)
        {
            var canvas = document.BeginPage(PdfStyle.PageWidth, PdfStyle.PageHeight);
            DrawFrame(canvas, i + 1, _pages.Count);
            foreach (var draw in _pages[i])
            {
                draw(canvas);
            }

            document.EndPage();
        }

        document.Close();
    }

    public byte[] ToBytes(DateTimeOffset created)
    {
        using var output = new MemoryStream();
        WriteTo(output, created);
        return output.ToArray();
    }

    private void DrawFrame(SKCanvas c, int page, int pages)
    {
        using var band = new SKPaint { Color = PdfStyle.Navy, Style = SKPaintStyle.Fill };
        c.DrawRect(0, 0, PdfStyle.PageWidth, PdfStyle.HeaderHeight, band);
        using var titleFont = new SKFont(PdfFonts.Bold, 13);
        using var subFont = new SKFont(PdfFonts.Regular, 9);
        using var white = Paint(SKColors.White);
        using var pale = Paint(new SKColor(0xc9, 0xd3, 0xe6));
        c.DrawText(title, PdfStyle.Margin, 25, titleFont, white);
        c.DrawText(subtitle, PdfStyle.Margin, 41, subFont, pale);
        c.DrawText("AfterSales", PdfStyle.PageWidth - PdfStyle.Margin, 25, SKTextAlign.Right, titleFont, white);

        using var rule = Paint(PdfStyle.Line, 0.8f);
        var y = PdfStyle.PageHeight - PdfStyle.FooterHeight;
        c.DrawLine(PdfStyle.Margin, y, PdfStyle.PageWidth - PdfStyle.Margin, y, rule);
        using var small = new SKFont(PdfFonts.Regular, 8);
        using var muted = Paint(PdfStyle.Muted);
        c.DrawText(footer, PdfStyle.Margin, y + 14, small, muted);
        c.DrawText(string.Format(System.Globalization.CultureInfo.CurrentCulture, pageOf, page, pages), PdfStyle.PageWidth - PdfStyle.Margin, y + 14, SKTextAlign.Right, small, muted);
    }

    private void Draw(Action<SKCanvas> draw) => Page.Add(draw);

    internal static SKPaint Paint(SKColor color, float stroke = 0) => new()
    {
        Color = color,
        IsAntialias = true,
        Style = stroke > 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
        StrokeWidth = stroke,
    };

    internal static SKColor ToneInk(PdfTone tone, SKColor neutral) => tone switch
    {
        PdfTone.Good => PdfStyle.Good,
        PdfTone.Warn => PdfStyle.Warn,
        PdfTone.Bad => PdfStyle.Bad,
        PdfTone.Neutral => neutral,
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    /// <summary>Greedy wrap that breaks Latin at spaces and Chinese between characters (<see cref="LineBreakRules"/>).</summary>
    internal static List<string> Wrap(string text, SKFont font, float width) => LineBreakRules.Wrap(text, t => font.MeasureText(t), width);

    /// <summary>Shortens one line to fit, with an ellipsis.</summary>
    internal static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && font.MeasureText(text[..cut] + "…") > width)
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}

using SkiaSharp;

namespace AfterSales.Cloud.Documents;

/// <summary>A headline figure: big value, small label and a line of context.</summary>
public sealed record PdfTile(string Label, string Value, string Note, PdfTone Tone = PdfTone.Neutral);

internal sealed partial class PdfLayout
{
    private const float AxisWidth = 34;

    /// <summary>A row of headline figures, read before anything else on the page.</summary>
    public void Tiles(IReadOnlyList<PdfTile> tiles)
    {
        const float height = 62, gap = 8;
        KeepTogether(height + 8);
        var width = (PdfStyle.ContentWidth - (gap * (tiles.Count - 1))) / tiles.Count;
        var top = Y;
        Draw(c =>
        {
            using var label = new SKFont(PdfFonts.Regular, 8);
            using var value = new SKFont(PdfFonts.Bold, 18);
            using var note = new SKFont(PdfFonts.Regular, 7.5f);
            using var muted = Paint(PdfStyle.Muted);
            for (var i = 0; i < tiles.Count; i++)
            {
                var x = PdfStyle.Margin + (i * (width + gap));
                var t = tiles[i];
                using var fill = new SKPaint { Color = t.Tone switch { PdfTone.Good => PdfStyle.GoodTint, PdfTone.Warn => PdfStyle.WarnTint, PdfTone.Bad => PdfStyle.BadTint, _ => PdfStyle.Zebra }, IsAntialias = true };
                c.DrawRoundRect(x, top, width, height, 5, 5, fill);
                using var ink = Paint(ToneInk(t.Tone, PdfStyle.Navy));
                c.DrawText(t.Label.ToUpperInvariant(), x + 9, top + 15, label, muted);
                c.DrawText(Fit(t.Value, value, width - 18), x + 9, top + 38, value, ink);
                c.DrawText(Fit(t.Note, note, width - 18), x + 9, top + 53, note, muted);
            }
        });
        Y += height + 10;
    }

    /// <summary>Vertical bars, one per label, on a scale with gridlines; labels thinned so they never collide.</summary>
    public void BarChart(string caption, IReadOnlyList<string> labels, IReadOnlyList<double> values, Func<double, string> format, float height = 120)
    {
        var max = CountScale(values);
        Chart(caption, height, (c, left, top, width, plotHeight) =>
        {
            Grid(c, left, top, width, plotHeight, 0, max, format);
            var slot = width / Math.Max(1, values.Count);
            using var bar = new SKPaint { Color = PdfStyle.Accent, IsAntialias = true };
            for (var i = 0; i < values.Count; i++)
            {
                var h = (float)(values[i] / max * plotHeight);
                c.DrawRect(left + (i * slot) + (slot * 0.18f), top + plotHeight - h, slot * 0.64f, h, bar);
            }

            XLabels(c, labels, left, top + plotHeight, slot);
        });
    }

    /// <summary>A line over the days with an optional dashed target, on the range [min, max].</summary>
    public void LineChart(string caption, IReadOnlyList<string> labels, IReadOnlyList<double> values, double min, double max, double? target, Func<double, string> format, float height = 120)
    {
        Chart(caption, height, (c, left, top, width, plotHeight) =>
        {
            Grid(c, left, top, width, plotHeight, min, max, format);
            var slot = width / Math.Max(1, values.Count);
            float Yof(double v) => top + plotHeight - (float)((Math.Clamp(v, min, max) - min) / (max - min) * plotHeight);
            if (target is { } t)
            {
                using var dash = new SKPaint { Color = PdfStyle.Good, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([4, 3], 0) };
                c.DrawLine(left, Yof(t), left + width, Yof(t), dash);
            }

            using var path = new SKPath();
            for (var i = 0; i < values.Count; i++)
            {
                var x = left + (i * slot) + (slot / 2);
                if (i == 0)
                {
                    path.MoveTo(x, Yof(values[i]));
                }
                else
                {
                    path.LineTo(x, Yof(values[i]));
                }
            }

            using var line = Paint(PdfStyle.Accent, 1.6f);
            c.DrawPath(path, line);
            using var dot = new SKPaint { Color = PdfStyle.Accent, IsAntialias = true };
            using var badDot = new SKPaint { Color = PdfStyle.Bad, IsAntialias = true };
            for (var i = 0; i < values.Count; i++)
            {
                c.DrawCircle(left + (i * slot) + (slot / 2), Yof(values[i]), 1.8f, target is { } goal && values[i] < goal ? badDot : dot);
            }

            XLabels(c, labels, left, top + plotHeight, slot);
        });
    }

    private void Chart(string caption, float height, Action<SKCanvas, float, float, float, float> plot)
    {
        var total = height + 34;
        KeepTogether(total);
        var top = Y;
        Draw(c =>
        {
            using var font = new SKFont(PdfFonts.Bold, 9);
            using var ink = Paint(PdfStyle.Ink);
            c.DrawText(caption, PdfStyle.Margin, top + 9, font, ink);
            plot(c, PdfStyle.Margin + AxisWidth, top + 18, PdfStyle.ContentWidth - AxisWidth, height);
        });
        Y += total + 6;
    }

    private static void Grid(SKCanvas c, float left, float top, float width, float height, double min, double max, Func<double, string> format)
    {
        using var grid = Paint(PdfStyle.Line, 0.5f);
        using var font = new SKFont(PdfFonts.Regular, 7);
        using var muted = Paint(PdfStyle.Muted);
        const int steps = 4;
        for (var s = 0; s <= steps; s++)
        {
            var y = top + height - (height * s / steps);
            c.DrawLine(left, y, left + width, y, grid);
            c.DrawText(format(min + ((max - min) * s / steps)), left - 4, y + 2.5f, SKTextAlign.Right, font, muted);
        }
    }

    private static void XLabels(SKCanvas c, IReadOnlyList<string> labels, float left, float baseline, float slot)
    {
        using var font = new SKFont(PdfFonts.Regular, 7);
        using var muted = Paint(PdfStyle.Muted);
        var every = Math.Max(1, (int)Math.Ceiling(18 / slot));
        for (var i = 0; i < labels.Count; i += every)
        {
            c.DrawText(labels[i], left + (i * slot) + (slot / 2), baseline + 10, SKTextAlign.Center, font, muted);
        }
    }

    /// <summary>The top of a scale of counts: whole steps of the four gridlines, at least 4. The HTML bars use the same scale.</summary>
    internal static double CountScale(IReadOnlyList<double> values) => Math.Max(4, Math.Ceiling(values.DefaultIfEmpty(0).Max() / 4) * 4);
}

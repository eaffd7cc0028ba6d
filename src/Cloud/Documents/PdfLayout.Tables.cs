using AfterSales.Cloud.Documents.Model;
using SkiaSharp;

namespace AfterSales.Cloud.Documents;

internal sealed partial class PdfLayout
{
    private const float CellPad = 4;
    private const float TableFontSize = 8.5f;

    /// <summary>A table this short moves whole rather than split; it fits under the space a heading keeps for it.</summary>
    private const float ShortTable = 110;

    /// <summary>A table whose rows wrap their text and which continues on the next page under a repeated header.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfCell[]> rows)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => PdfStyle.ContentWidth * c.Weight / total).ToArray();
        using var measure = new SKFont(PdfFonts.Regular, TableFontSize);
        var lineHeight = TableFontSize * 1.35f;
        var headerHeight = lineHeight + (2 * CellPad);

        // A short table moves whole to the next page rather than leave a stub; a long one starts
        // where it is and breaks between rows.
        var estimate = headerHeight + (rows.Count * (lineHeight + (2 * CellPad)));
        KeepTogether(estimate < ShortTable ? estimate : headerHeight + (3 * (lineHeight + (2 * CellPad))));
        TableHeader(columns, widths, headerHeight);
        for (var r = 0; r < rows.Count; r++)
        {
            var wrapped = rows[r].Select((cell, i) => Wrap(cell.Text, measure, widths[i] - (2 * CellPad))).ToArray();
            var height = (wrapped.Max(w => w.Count) * lineHeight) + (2 * CellPad);
            if (height > Remaining)
            {
                NewPage();
                TableHeader(columns, widths, headerHeight);
            }

            var top = Y;
            var cells = rows[r];
            var zebra = r % 2 == 1;
            Draw(c => TableRow(c, columns, widths, cells, wrapped, top, height, lineHeight, zebra));
            Y += height;
        }

        Y += 8;
    }

    private void TableHeader(IReadOnlyList<PdfColumn> columns, float[] widths, float height)
    {
        var top = Y;
        Draw(c =>
        {
            using var fill = new SKPaint { Color = new SKColor(0xe9, 0xed, 0xf3), Style = SKPaintStyle.Fill };
            c.DrawRect(PdfStyle.Margin, top, PdfStyle.ContentWidth, height, fill);
            using var font = new SKFont(PdfFonts.Bold, 8);
            using var ink = Paint(PdfStyle.Muted);
            var x = PdfStyle.Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                DrawAligned(c, columns[i].Header.ToUpperInvariant(), x, widths[i], top + CellPad + 8, columns[i].Align, font, ink);
                x += widths[i];
            }
        });
        Y += height;
    }

    private static void TableRow(SKCanvas c, IReadOnlyList<PdfColumn> columns, float[] widths, PdfCell[] cells, List<string>[] wrapped, float top, float height, float lineHeight, bool zebra)
    {
        if (zebra)
        {
            using var fill = new SKPaint { Color = PdfStyle.Zebra, Style = SKPaintStyle.Fill };
            c.DrawRect(PdfStyle.Margin, top, PdfStyle.ContentWidth, height, fill);
        }

        using var rule = Paint(PdfStyle.Line, 0.5f);
        c.DrawLine(PdfStyle.Margin, top + height, PdfStyle.Margin + PdfStyle.ContentWidth, top + height, rule);
        using var regular = new SKFont(PdfFonts.Regular, TableFontSize);
        using var bold = new SKFont(PdfFonts.Bold, TableFontSize);
        var x = PdfStyle.Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            using var ink = Paint(ToneInk(cells[i].Tone, PdfStyle.Ink));
            var font = cells[i].Bold || cells[i].Tone is PdfTone.Bad or PdfTone.Warn ? bold : regular;
            for (var l = 0; l < wrapped[i].Count; l++)
            {
                DrawAligned(c, wrapped[i][l], x, widths[i], top + CellPad + TableFontSize + (l * lineHeight), columns[i].Align, font, ink);
            }

            x += widths[i];
        }
    }

    private static void DrawAligned(SKCanvas c, string text, float x, float width, float baseline, PdfAlign align, SKFont font, SKPaint ink)
    {
        switch (align)
        {
            case PdfAlign.Left:
                c.DrawText(text, x + CellPad, baseline, SKTextAlign.Left, font, ink);
                break;
            case PdfAlign.Right:
                c.DrawText(text, x + width - CellPad, baseline, SKTextAlign.Right, font, ink);
                break;
            case PdfAlign.Center:
                c.DrawText(text, x + (width / 2), baseline, SKTextAlign.Center, font, ink);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(align), align, null);
        }
    }
}

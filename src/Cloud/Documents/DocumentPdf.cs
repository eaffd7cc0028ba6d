using AfterSales.Cloud.Documents.Model;

namespace AfterSales.Cloud.Documents;

/// <summary>Lays out a <see cref="ReportDocument"/> as a PDF, block by block.</summary>
internal static class DocumentPdf
{
    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var fonts = PdfFonts.Use(Texts(document));
        var pdf = new PdfLayout(document.Title, document.Subtitle, document.Footer, document.PageOf);
        foreach (var block in document.Blocks)
        {
            Add(pdf, block);
        }

        return pdf.ToBytes(document.GeneratedAt);
    }

    private static void Add(PdfLayout pdf, DocumentBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                pdf.Heading(h.Text, h.Level);
                break;
            case TextBlock t:
                pdf.Paragraph(t.Text, Size(t.Style), t.Tone, italic: t.Style is TextStyle.Note or TextStyle.Quote);
                break;
            case TilesBlock t:
                pdf.Tiles(t.Tiles);
                break;
            case FactsBlock f:
                pdf.Facts([.. f.Facts.Select(x => (x.Label, x.Value))]);
                break;
            case TableBlock t:
                pdf.Table(t.Columns, t.Rows);
                break;
            case BarChartBlock b:
                pdf.BarChart(b.Caption, b.Labels, b.Values, b.Format, b.Height);
                break;
            case LineChartBlock l:
                pdf.LineChart(l.Caption, l.Labels, l.Values, l.Min, l.Max, l.Target, l.Format, l.Height);
                break;
            case SpaceBlock s:
                pdf.Space(s.Height);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "no PDF layout for this block");
        }
    }

    private static float Size(TextStyle style) => style switch
    {
        TextStyle.Lead => 10.5f,
        TextStyle.Body => 9.5f,
        TextStyle.Small or TextStyle.Quote => 9f,
        TextStyle.Note => 8.5f,
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    /// <summary>Every text a document prints, to pick its fonts.</summary>
    private static IEnumerable<string?> Texts(ReportDocument document)
    {
        yield return document.Title;
        yield return document.Subtitle;
        yield return document.Footer;
        foreach (var block in document.Blocks)
        {
            var texts = block switch
            {
                TextBlock t => [t.Text],
                HeadingBlock h => [h.Text],
                FactsBlock f => f.Facts.SelectMany(x => new[] { x.Label, x.Value }),
                TilesBlock t => t.Tiles.SelectMany(x => new[] { x.Label, x.Value, x.Note }),
                TableBlock t => t.Columns.Select(c => c.Header).Concat(t.Rows.SelectMany(r => r.Select(c => c.Text))),
                _ => [],
            };
            foreach (var text in texts)
            {
                yield return text;
            }
        }
    }
}

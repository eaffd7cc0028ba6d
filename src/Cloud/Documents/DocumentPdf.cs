using AfterSales.Cloud.Documents.Model;

namespace AfterSales.Cloud.Documents;

/// <summary>Lays out a <see cref="ReportDocument"/> as a PDF, block by block.</summary>
internal static class DocumentPdf
{
    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pdf = new PdfLayout(document.Title, document.Subtitle, document.Footer);
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
}

namespace AfterSales.Cloud.Documents.Model;

public sealed record PdfCell(string Text, PdfTone Tone = PdfTone.Neutral, bool Bold = false)
{
    public static implicit operator PdfCell(string text) => new(text);

    public static PdfCell FromString(string text) => new(text);
}

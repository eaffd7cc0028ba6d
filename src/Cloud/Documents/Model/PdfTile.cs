namespace AfterSales.Cloud.Documents.Model;

/// <summary>A headline figure: big value, small label and a line of context.</summary>
public sealed record PdfTile(string Label, string Value, string Note, PdfTone Tone = PdfTone.Neutral);

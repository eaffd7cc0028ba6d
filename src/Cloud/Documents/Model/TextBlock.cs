namespace AfterSales.Cloud.Documents.Model;

public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Body, PdfTone Tone = PdfTone.Neutral) : DocumentBlock;

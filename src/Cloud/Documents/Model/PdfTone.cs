namespace AfterSales.Cloud.Documents.Model;

/// <summary>How a figure should read: good news, a warning, bad news, or neutral.</summary>
public enum PdfTone
{
    Neutral,
    Good,
    Warn,
    Bad,
}

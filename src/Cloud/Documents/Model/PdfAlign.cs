namespace AfterSales.Cloud.Documents.Model;

public enum PdfAlign
{
    Left,
    Right,
    Center,
}

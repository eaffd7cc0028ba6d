namespace AfterSales.Cloud.Documents.Model;

public sealed record PdfColumn(string Header, float Weight, PdfAlign Align = PdfAlign.Left);

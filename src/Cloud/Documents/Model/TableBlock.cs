namespace AfterSales.Cloud.Documents.Model;

/// <summary>A table; the column weights size the PDF's columns, the alignment applies to both renderers.</summary>
public sealed record TableBlock(IReadOnlyList<PdfColumn> Columns, IReadOnlyList<PdfCell[]> Rows) : DocumentBlock;

namespace AfterSales.Cloud.Documents.Model;

/// <summary>The headline figures, each with its value, a caption and a tone.</summary>
public sealed record TilesBlock(IReadOnlyList<PdfTile> Tiles) : DocumentBlock;

namespace AfterSales.Cloud.Documents.Model;

/// <summary>Extra room, in PDF points, between two blocks.</summary>
public sealed record SpaceBlock(float Height) : DocumentBlock;

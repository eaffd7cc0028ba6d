namespace AfterSales.Cloud.Documents.Model;

/// <summary>A section heading: level 1 for a section, 2 for a part of one.</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : DocumentBlock;

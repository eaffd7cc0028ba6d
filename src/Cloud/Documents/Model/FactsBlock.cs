namespace AfterSales.Cloud.Documents.Model;

/// <summary>Label/value pairs: who, where, which contract.</summary>
public sealed record FactsBlock(IReadOnlyList<DocumentFact> Facts) : DocumentBlock;

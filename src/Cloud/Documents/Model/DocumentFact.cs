namespace AfterSales.Cloud.Documents.Model;

public sealed record DocumentFact(string Label, string Value);

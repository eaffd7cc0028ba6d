namespace AfterSales.Cloud.Documents.Model;

/// <summary>One piece of a <see cref="ReportDocument"/>; every renderer handles every kind, and fails loudly on one it does not know.</summary>
public abstract record DocumentBlock;

namespace AfterSales.Cloud.Documents.Model;

/// <summary>Vertical bars, one per label; <paramref name="Format"/> writes the scale's numbers.</summary>
public sealed record BarChartBlock(string Caption, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, Func<double, string> Format, float Height) : DocumentBlock;

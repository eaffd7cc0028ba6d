namespace AfterSales.Cloud.Documents.Model;

/// <summary>A line over the labels on the range [Min, Max], with an optional dashed target; points below the target are marked.</summary>
public sealed record LineChartBlock(
    string Caption,
    IReadOnlyList<string> Labels,
    IReadOnlyList<double> Values,
    double Min,
    double Max,
    double? Target,
    Func<double, string> Format,
    float Height) : DocumentBlock;

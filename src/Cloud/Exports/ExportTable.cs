namespace AfterSales.Cloud.Exports;

/// <summary>
/// One export as a table: its name (the file name and the sheet name), localized column headers
/// and rows of plain values — text, numbers, or local times already shifted to the company's zone.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

using MiniExcelLibs;

namespace AfterSales.Cloud.Exports;

/// <summary>
/// Pure: an export as an Excel workbook (one sheet, header row, typed cells: numbers stay numbers,
/// local times are dates), written in memory with MiniExcel.
/// </summary>
public static class XlsxBuilder
{
    public static byte[] Build(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                record[table.Columns[i]] = row[i] switch
                {
                    DateTimeOffset at => at.DateTime,
                    DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                    var v => v,
                };
            }

            return record;
        }).ToList();
        using var output = new MemoryStream();
        if (rows.Count == 0)
        {
            // An empty export still names its columns.
            rows.Add(table.Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }

        output.SaveAs(rows, sheetName: table.Name);
        return output.ToArray();
    }
}

using System.Globalization;
using System.Text;

namespace AfterSales.Cloud.Exports;

/// <summary>
/// Pure: an export as CSV — UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads the
/// Chinese as Chinese and not as GBK mojibake; RFC 4180 quoting; CRLF line ends. A cell that a
/// spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe (docs/exports.md).
/// </summary>
public static class CsvBuilder
{
    public static byte[] Build(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        Line(text, table.Columns.Cast<object?>());
        foreach (var row in table.Rows)
        {
            Line(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (value is string && text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells) =>
        text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}

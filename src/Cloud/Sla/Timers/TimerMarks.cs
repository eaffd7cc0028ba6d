using System.Globalization;

namespace AfterSales.Cloud.Sla.Timers;

/// <summary>
/// Pure: the marks of one target still to come after the timer that is due first, written into that timer's row
/// (<c>percent@instant;…</c>, UTC, round-trip format). A target is one row at a time: its next mark is written when
/// the one before fires, so a new ticket writes one timer per target instead of one per mark.
/// </summary>
public static class TimerMarks
{
    public static string? Format(IEnumerable<(int Percent, DateTimeOffset DueAt)> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var text = string.Join(';', marks.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Percent}@{m.DueAt.UtcDateTime:O}")));
        return text.Length == 0 ? null : text;
    }

    public static IReadOnlyList<(int Percent, DateTimeOffset DueAt)> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. text.Split(';').Select(mark =>
            {
                var at = mark.IndexOf('@', StringComparison.Ordinal);
                return (int.Parse(mark.AsSpan(0, at), CultureInfo.InvariantCulture),
                    new DateTimeOffset(DateTime.Parse(mark.AsSpan(at + 1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            })];
}

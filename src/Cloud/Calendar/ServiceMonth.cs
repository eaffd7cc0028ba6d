using System.Globalization;

namespace AfterSales.Cloud.Calendar;

/// <summary>Pure: the service month that inspections, reports and KPIs are counted in, and how a caller names one.</summary>
public static class ServiceMonth
{
    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Reads a month written as <c>yyyy-MM</c>, the form every page and API takes.</summary>
    public static bool TryParse(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}

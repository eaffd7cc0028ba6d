using System.Globalization;
using AfterSales.Protocol.Topics;

namespace AfterSales.Gateway.Validation;

/// <summary>The checks every configuration section repeats, worded the same way everywhere: "field value must be …".</summary>
internal static class FieldRules
{
    public static string? Range(int value, int min, int max, string field) =>
        value < min || value > max ? Text($"{field} {value} must be between {min} and {max}") : null;

    public static string? DeviceId(string value, string field) =>
        string.IsNullOrEmpty(value) ? $"{field} is missing"
        : SiteIds.IsValid(value) ? null
        : $"{field} '{value}' must be 1-64 characters of letters, digits, '-', '_' or '.'";

    /// <summary>Numbers in messages use the invariant culture, whatever the machine's locale.</summary>
    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace AfterSales.Cloud.Localization;

/// <summary>Pure: the languages the cloud speaks (docs/localization.md). Chinese first: it is the default.</summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";

    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Chinese, English];

    /// <summary>The supported culture a name stands for (<c>en-US</c> is English, <c>zh</c> Chinese); null for any other.</summary>
    public static string? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return Supported.FirstOrDefault(s =>
            string.Equals(s, name, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(s.Split('-')[0] + "-", StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Split('-')[0], name, StringComparison.OrdinalIgnoreCase));
    }

    public static CultureInfo Get(string? name) => CultureInfo.GetCultureInfo(Resolve(name) ?? Chinese);
}

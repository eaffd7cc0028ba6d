using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AfterSales.Cloud.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tests.Localization;

/// <summary>Every word a page asks for has its Chinese, so no English slips onto a Chinese page.</summary>
public sealed partial class ResourceCoverageTests
{
    [Fact]
    public void Pages_EveryLocalizedKey_HasAChineseEntry()
    {
        var src = Path.Combine(RepoRoot(), "src", "Cloud");
        var keys = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();
        var chinese = XDocument.Load(Path.Combine(src, "Localization", "Strings.zh-CN.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(keys);
        Assert.Empty(keys.Where(k => !chinese.Contains(k.Key)).Select(k => $"{k.File}: \"{k.Key}\""));
    }

    [Fact]
    public void Localizer_ChineseCulture_ReadsTheSatelliteAssembly()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(Strings));

        using (CultureScope.Use("zh-CN"))
        {
            Assert.Equal("退出", localizer["Sign out"].Value);
            Assert.Equal("2026/11/30", new DateOnly(2026, 11, 30).ToString("d", CultureInfo.CurrentCulture));
        }

        using (CultureScope.Use("en"))
        {
            Assert.Equal("Sign out", localizer["Sign out"].Value);
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AfterSales.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AfterSales.sln not found above the test output");
    }

    // L["…"] in a page, T["…"] or Text["…"] in code: the keys the resource file must hold.
    [GeneratedRegex("""\b(?:L|T|Text)\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex KeyPattern();
}

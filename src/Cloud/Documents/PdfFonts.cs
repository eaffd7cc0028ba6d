using SkiaSharp;

namespace AfterSales.Cloud.Documents;

/// <summary>
/// The typefaces every PDF uses. Chinese names, addresses and the Chinese reports need a CJK font:
/// Noto Sans CJK SC from Debian's <c>fonts-noto-cjk</c> (SIL Open Font License), which also
/// carries Latin, so one face prints both; a document without Chinese keeps Liberation Sans. The
/// PDF embeds only the glyphs a document uses. Without that package Liberation Sans is used and
/// Chinese prints as empty boxes (docs/reports.md, "Fonts").
/// </summary>
internal static class PdfFonts
{
    /// <summary>Where Debian installs Noto Sans CJK; the .ttc holds the JP, KR, SC, TC and HK faces.</summary>
    public static readonly IReadOnlyList<string> CjkFolders = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/local/share/fonts"];

    private const string CjkFamily = "Noto Sans CJK SC";

    private static readonly Lazy<SKTypeface> LatinRegular = new(() => Load("Regular"));
    private static readonly Lazy<SKTypeface> LatinBold = new(() => Load("Bold"));
    private static readonly Lazy<SKTypeface> LatinItalic = new(() => Load("Italic"));
    private static readonly Lazy<SKTypeface?> CjkRegular = new(() => Cjk("Regular"));
    private static readonly Lazy<SKTypeface?> CjkBold = new(() => Cjk("Bold"));

    // Set while a document with Chinese in it is drawn (see Use).
    private static readonly AsyncLocal<bool> Chinese = new();

    public static SKTypeface Regular => (Chinese.Value ? CjkRegular.Value : null) ?? LatinRegular.Value;

    public static SKTypeface Bold => (Chinese.Value ? CjkBold.Value : null) ?? LatinBold.Value;

    // Chinese has no italic: the small print uses the regular face in a Chinese document.
    public static SKTypeface Italic => (Chinese.Value ? CjkRegular.Value : null) ?? LatinItalic.Value;

    /// <summary>Whether Chinese text can be printed (the CJK font was found).</summary>
    public static bool HasCjk => CjkRegular.Value is not null;

    /// <summary>
    /// Draws a document in the CJK face when any of its text is Chinese (Noto carries Latin too),
    /// and in Liberation Sans otherwise, whose narrower Latin keeps English tables as they were.
    /// </summary>
    public static IDisposable Use(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var previous = Chinese.Value;
        Chinese.Value = texts.Any(t => t is not null && t.Any(c => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF')));
        return new Restore(previous);
    }

    private static SKTypeface? Cjk(string weight)
    {
        foreach (var folder in CjkFolders)
        {
            // FromFile answers null for a missing file, so a machine without the package falls through.
            var path = Path.Combine(folder, $"NotoSansCJK-{weight}.ttc");
            for (var index = 0; index < 10; index++)
            {
                var face = SKTypeface.FromFile(path, index);
                if (face is null)
                {
                    break;
                }

                if (face.FamilyName == CjkFamily)
                {
                    return face;
                }

                face.Dispose();
            }
        }

        return null;
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Chinese.Value = previous;
    }

    private static SKTypeface Load(string face)
    {
        var name = $"AfterSales.Cloud.Documents.Fonts.LiberationSans-{face}.ttf";
        using var resource = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font {name} is not embedded in the cloud assembly.");
        using var data = SKData.Create(resource);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Font {name} could not be read.");
    }
}

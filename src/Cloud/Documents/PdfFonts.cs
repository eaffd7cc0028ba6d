using SkiaSharp;

namespace AfterSales.Cloud.Documents;

/// <summary>
/// The typefaces every PDF uses. Chinese names, addresses and the Chinese reports need a CJK font:
/// Noto Sans CJK SC from Debian's <c>fonts-noto-cjk</c> (SIL Open Font License), which also
/// carries Latin, so one face prints both. The PDF embeds only the glyphs a document uses.
/// Without that package the embedded Liberation Sans is used and Chinese prints as empty boxes
/// (docs/reports.md, "Fonts").
/// </summary>
internal static class PdfFonts
{
    /// <summary>Where Debian installs Noto Sans CJK; the .ttc holds the JP, KR, SC, TC and HK faces.</summary>
    public static readonly IReadOnlyList<string> CjkFolders = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/local/share/fonts"];

    private const string CjkFamily = "Noto Sans CJK SC";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Cjk("Regular") ?? Load("Regular"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Cjk("Bold") ?? Load("Bold"));

    // Chinese has no italic: the small print uses the regular face when the CJK font is there.
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Cjk("Regular") ?? Load("Italic"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static SKTypeface Italic => ItalicFace.Value;

    /// <summary>Whether Chinese text can be printed (the CJK font was found).</summary>
    public static bool HasCjk => Regular.FamilyName == CjkFamily;

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

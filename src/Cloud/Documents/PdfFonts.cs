using SkiaSharp;

namespace AfterSales.Cloud.Documents;

/// <summary>
/// The typefaces every PDF uses, loaded from fonts embedded in this assembly: a server must not
/// depend on which font packages happen to be installed, and embedded fonts make every
/// document look the same wherever it is generated.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("Regular"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("Bold"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("Italic"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static SKTypeface Italic => ItalicFace.Value;

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

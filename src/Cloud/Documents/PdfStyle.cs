using SkiaSharp;

namespace AfterSales.Cloud.Documents;

/// <summary>The house style of every PDF: A4 portrait, one typeface, a navy band and a few signal colours.</summary>
internal static class PdfStyle
{
    public const float PageWidth = 595;
    public const float PageHeight = 842;
    public const float Margin = 44;
    public const float HeaderHeight = 54;
    public const float FooterHeight = 34;
    public const float ContentTop = HeaderHeight + 22;
    public const float ContentBottom = PageHeight - FooterHeight - 12;
    public const float ContentWidth = PageWidth - (2 * Margin);

    public static readonly SKColor Navy = new(0x14, 0x21, 0x3d);
    public static readonly SKColor Accent = new(0x1f, 0x6f, 0xb2);
    public static readonly SKColor Ink = new(0x1d, 0x23, 0x30);
    public static readonly SKColor Muted = new(0x66, 0x70, 0x85);
    public static readonly SKColor Line = new(0xd9, 0xde, 0xe6);
    public static readonly SKColor Zebra = new(0xf5, 0xf7, 0xfa);
    public static readonly SKColor Good = new(0x1b, 0x7f, 0x3b);
    public static readonly SKColor Warn = new(0xb2, 0x6a, 0x00);
    public static readonly SKColor Bad = new(0xb3, 0x26, 0x1e);
    public static readonly SKColor GoodTint = new(0xe8, 0xf3, 0xec);
    public static readonly SKColor WarnTint = new(0xff, 0xf1, 0xdc);
    public static readonly SKColor BadTint = new(0xfd, 0xe8, 0xe7);
}

/// <summary>How a figure should read: good news, a warning, bad news, or neutral.</summary>
public enum PdfTone
{
    Neutral,
    Good,
    Warn,
    Bad,
}

public enum PdfAlign
{
    Left,
    Right,
    Center,
}

public sealed record PdfColumn(string Header, float Weight, PdfAlign Align = PdfAlign.Left);

public sealed record PdfCell(string Text, PdfTone Tone = PdfTone.Neutral, bool Bold = false)
{
    public static implicit operator PdfCell(string text) => new(text);

    public static PdfCell FromString(string text) => new(text);
}

using AfterSales.Protocol.Panels.AlarmDecoder;
using AfterSales.Protocol.Panels.ContactId;
using AfterSales.Protocol.Panels.DscIt100;
using AfterSales.Protocol.Panels.ParadoxPrt3;
using AfterSales.Protocol.Panels.PelcoD;
using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.Protocol.Panels;

/// <summary>
/// One entry point over every panel codec, for tools (the <c>decode</c> CLI) and tests: one whole frame in,
/// one result out. It checks framing, checksums, lengths and decryption, but not the DC-09 timestamp window,
/// which needs the receiver's clock (<see cref="Dc09TimestampWindow"/>).
/// </summary>
public static class PanelFrameDecoder
{
    public const string ContactId = "contact-id";
    public const string SiaDc09 = "sia-dc09";
    public const string DscIt100 = "dsc-it100";
    public const string Ad2 = "ad2";
    public const string ParadoxPrt3 = "paradox-prt3";
    public const string PelcoD = "pelco-d";

    public static IReadOnlyList<string> Protocols { get; } = [ContactId, SiaDc09, DscIt100, Ad2, ParadoxPrt3, PelcoD];

    /// <summary>Never throws for any frame; an unknown protocol or unusable key is an invalid result too.</summary>
    /// <param name="key">The DC-09 AES key as hex (32/48/64) or text (16/24/32); ignored by the other protocols.</param>
    public static PanelDecodeResult Decode(string protocol, ReadOnlySpan<byte> frame, string? key)
    {
        switch (protocol)
        {
            case ContactId:
                return ContactIdCodec.Decode(frame);
            case SiaDc09:
                Dc09Key? dc09Key = null;
                if (!string.IsNullOrEmpty(key) && !Dc09Key.TryParse(key, out dc09Key))
                {
                    return PanelDecodeResult.Invalid("key must be 32/48/64 hex characters or 16/24/32 characters of text");
                }

                return Dc09Codec.Decode(frame, dc09Key);
            case DscIt100:
                return It100Codec.Decode(frame);
            case Ad2:
                return Ad2Codec.Decode(frame);
            case ParadoxPrt3:
                return Prt3Codec.Decode(frame);
            case PelcoD:
                return PelcoDCodec.Decode(frame);
            default:
                return PanelDecodeResult.Invalid("unknown protocol '" + protocol + "'; expected one of " + string.Join(", ", Protocols));
        }
    }
}

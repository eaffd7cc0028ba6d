using System.Buffers;
using System.Globalization;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// Cuts DC-09 frames from a TCP/serial byte stream. Bytes before an LF are skipped; the length field
/// says where the frame ends, so a CR inside encrypted hex or x-data cannot split it.
/// </summary>
public sealed class Dc09Reader
{
    /// <summary>The largest data length the header's three hex digits can state.</summary>
    public const int MaxLength = 0xFFF;

    private readonly Dc09Key? _key;
    private readonly int _maxLength;

    /// <param name="maxLength">Frames stating a longer length are refused as soon as their header is read (a receiver's packet-size limit).</param>
    public Dc09Reader(Dc09Key? key = null, int maxLength = MaxLength)
    {
        _key = key;
        _maxLength = maxLength;
    }

    /// <summary>
    /// Consumes one frame (valid or corrupt) and returns true, or returns false when more bytes are needed.
    /// A frame whose header is unreadable or whose end is not CR consumes only its LF, so the next LF can resync.
    /// </summary>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        frame = default;
        var start = buffer.PositionOf(Dc09Framing.StartByte);
        if (start is null)
        {
            buffer = buffer.Slice(buffer.End);
            return false;
        }

        buffer = buffer.Slice(start.Value);
        if (buffer.Length < 9)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[9];
        buffer.Slice(0, 9).CopyTo(header);
        if (!TryLength(header, out var length))
        {
            frame = Corrupt(header, "unreadable CRC/length header");
            buffer = buffer.Slice(1);
            return true;
        }

        if (length > _maxLength)
        {
            // Refused before its bytes are waited for: nothing is buffered for it, and the next LF resyncs.
            frame = Corrupt(header, $"frame of {length} bytes is over the limit of {_maxLength}");
            buffer = buffer.Slice(1);
            return true;
        }

        var total = Dc09Framing.Overhead + length;
        if (buffer.Length < total)
        {
            return false;
        }

        var bytes = buffer.Slice(0, total).ToArray();
        if (bytes[^1] != Dc09Framing.EndByte)
        {
            frame = Corrupt(header, "no CR where the length field says the frame ends");
            buffer = buffer.Slice(1);
            return true;
        }

        buffer = buffer.Slice(total);
        frame = new PanelFrame(bytes, Dc09Codec.Decode(bytes, _key));
        return true;
    }

    private static bool TryLength(ReadOnlySpan<byte> header, out int length)
    {
        length = 0;
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < 8; i++)
        {
            chars[i] = (char)header[i + 1];
        }

        return chars[..4].ToString().All(Uri.IsHexDigit) && chars[4] == '0'
            && int.TryParse(chars[5..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out length);
    }

    private static PanelFrame Corrupt(ReadOnlySpan<byte> raw, string error) => new(raw.ToArray(), PanelDecodeResult.Invalid(error));
}

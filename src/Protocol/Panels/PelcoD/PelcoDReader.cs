using System.Buffers;

namespace AfterSales.Protocol.Panels.PelcoD;

/// <summary>
/// Cuts Pelco-D frames from an RS-485 byte stream. Bytes before 0xFF are skipped. A 7-byte candidate whose
/// checksum fails is reported corrupt but consumes only its 0xFF, because a 0xFF inside it may start the real frame.
/// </summary>
public static class PelcoDReader
{
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        frame = default;
        var start = buffer.PositionOf(PelcoDFrame.Sync);
        if (start is null)
        {
            buffer = buffer.Slice(buffer.End);
            return false;
        }

        buffer = buffer.Slice(start.Value);
        if (buffer.Length < PelcoDFrame.Length)
        {
            return false;
        }

        var bytes = buffer.Slice(0, PelcoDFrame.Length).ToArray();
        var decoded = PelcoDCodec.Decode(bytes);
        buffer = buffer.Slice(decoded.Valid ? PelcoDFrame.Length : 1);
        frame = new PanelFrame(bytes, decoded);
        return true;
    }
}

using System.Buffers;

namespace AfterSales.Protocol.Panels.AlarmDecoder;

/// <summary>Cuts AD2 lines at LF (they end CR LF); a line too long or garbled comes out as a corrupt frame.</summary>
public static class Ad2Reader
{
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        frame = default;
        while (LineFraming.TryReadLine(ref buffer, (byte)'\n', Ad2Codec.MaxLineLength + 2, out var line, out var overflow))
        {
            if (!overflow && LineFraming.TrimEnd(line).IsEmpty)
            {
                continue;
            }

            frame = new PanelFrame(line, overflow ? PanelDecodeResult.Invalid("line too long") : Ad2Codec.Decode(line));
            return true;
        }

        return false;
    }
}

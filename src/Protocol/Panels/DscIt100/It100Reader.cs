using System.Buffers;

namespace AfterSales.Protocol.Panels.DscIt100;

/// <summary>Cuts IT-100 messages at LF (they end CR LF); a line too long or garbled comes out as a corrupt frame.</summary>
public static class It100Reader
{
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        frame = default;
        while (LineFraming.TryReadLine(ref buffer, (byte)'\n', It100Codec.MaxLineLength + 2, out var line, out var overflow))
        {
            // Blank lines (a lone CR LF after a reset) carry nothing; skip rather than report.
            if (!overflow && LineFraming.TrimEnd(line).IsEmpty)
            {
                continue;
            }

            frame = new PanelFrame(line, overflow ? PanelDecodeResult.Invalid("line too long") : It100Codec.Decode(line));
            return true;
        }

        return false;
    }
}

using System.Buffers;

namespace AfterSales.Protocol.Panels.ContactId;

/// <summary>
/// Cuts Contact ID messages from a receiver's serial output, one message per line ended by CR (CR LF is fine).
/// A line too long or garbled comes out as a corrupt frame.
/// </summary>
public static class ContactIdReader
{
    /// <summary>16 digits with the usual separating spaces fit with room to spare.</summary>
    public const int MaxLineLength = 40;

    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        frame = default;
        while (LineFraming.TryReadLine(ref buffer, (byte)'\r', MaxLineLength, out var line, out var overflow))
        {
            // CR LF leaves the LF at the start of the next line.
            var text = line.AsSpan().Trim((byte)'\n');
            if (!overflow && text.IsEmpty)
            {
                continue;
            }

            frame = new PanelFrame(text.ToArray(), overflow ? PanelDecodeResult.Invalid("line too long") : ContactIdCodec.Decode(text));
            return true;
        }

        return false;
    }
}

using System.Buffers;

namespace AfterSales.Protocol.Panels.ParadoxPrt3;

/// <summary>Cuts PRT3 lines at CR; a line too long or garbled comes out as a corrupt frame.</summary>
public static class Prt3Reader
{
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out PanelFrame frame)
    {
        frame = default;
        while (LineFraming.TryReadLine(ref buffer, (byte)'\r', Prt3Codec.MaxLineLength, out var line, out var overflow))
        {
            // A stray LF (some USB adapters add one) leaves an empty line behind; it carries nothing.
            var trimmed = line.AsSpan().TrimStart((byte)'\n');
            if (!overflow && trimmed.IsEmpty)
            {
                continue;
            }

            frame = new PanelFrame(trimmed.ToArray(), overflow ? PanelDecodeResult.Invalid("line too long") : Prt3Codec.Decode(trimmed));
            return true;
        }

        return false;
    }
}

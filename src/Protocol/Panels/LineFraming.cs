using System.Buffers;

namespace AfterSales.Protocol.Panels;

/// <summary>
/// Cuts terminator-ended lines from a stream for the ASCII panel protocols. A line that never ends
/// within <c>maxLength</c> is cut off and reported corrupt, so a noisy serial line cannot grow the buffer without bound.
/// </summary>
internal static class LineFraming
{
    public static bool TryReadLine(ref ReadOnlySequence<byte> buffer, byte terminator, int maxLength, out byte[] line, out bool overflow)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out ReadOnlySequence<byte> content, terminator, advancePastDelimiter: true))
        {
            if (content.Length > maxLength)
            {
                line = content.Slice(0, maxLength).ToArray();
                overflow = true;
            }
            else
            {
                line = content.ToArray();
                overflow = false;
            }

            buffer = buffer.Slice(reader.Position);
            return true;
        }

        if (buffer.Length > maxLength)
        {
            line = buffer.Slice(0, maxLength).ToArray();
            buffer = buffer.Slice(maxLength);
            overflow = true;
            return true;
        }

        line = [];
        overflow = false;
        return false;
    }

    /// <summary>Trims a trailing CR (or LF) left when a protocol ends lines with CR LF.</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        while (line.Length > 0 && line[^1] is (byte)'\r' or (byte)'\n')
        {
            line = line[..^1];
        }

        return line;
    }

    /// <summary>Printable ASCII only: the ASCII protocols never carry anything else, and this keeps binary noise out of strings.</summary>
    public static bool TryAscii(ReadOnlySpan<byte> bytes, out string text)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                text = string.Empty;
                return false;
            }
        }

        text = System.Text.Encoding.ASCII.GetString(bytes);
        return true;
    }
}

using System.Buffers;
using AfterSales.Protocol.Panels;

namespace AfterSales.Gateway.Serial;

/// <summary>
/// Holds the bytes read from a stream until a protocol reader has cut whole frames from them. The readers bound
/// their own lines, so what remains here stays small even on a noisy line.
/// </summary>
internal sealed class FrameBuffer(PanelFrameReader reader)
{
    private byte[] _pending = [];

    /// <summary>Appends <paramref name="chunk"/> and returns every frame that is now complete.</summary>
    public List<PanelFrame> Append(ReadOnlySpan<byte> chunk)
    {
        _pending = [.. _pending, .. chunk];
        var sequence = new ReadOnlySequence<byte>(_pending);
        var frames = new List<PanelFrame>();
        while (reader(ref sequence, out var frame))
        {
            frames.Add(frame);
        }

        _pending = sequence.ToArray();
        return frames;
    }
}

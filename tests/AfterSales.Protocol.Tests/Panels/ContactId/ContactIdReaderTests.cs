using System.Buffers;
using System.Text;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.ContactId;

namespace AfterSales.Protocol.Tests.Panels.ContactId;

public sealed class ContactIdReaderTests
{
    [Fact]
    public void TryReadFrame_MessagesSplitAcrossReadsWithCrLf_CutsEachWholeMessage()
    {
        var stream = "1234 18 1 301 01 000 F\r\n123418330101000" + "D\r\n";
        var frames = ReadAll(Encoding.ASCII.GetBytes(stream), chunk: 5);

        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.True(f.Decoded.Valid, f.Decoded.Error));
        Assert.Equal("1234 18 1 301 01 000 F", Encoding.ASCII.GetString(frames[0].Raw.Span));
    }

    [Fact]
    public void TryReadFrame_BadCheckDigitAndEndlessNoise_CorruptFramesThenRecovers()
    {
        var noise = new string('9', ContactIdReader.MaxLineLength + 5);
        var frames = ReadAll(Encoding.ASCII.GetBytes("1234181301010000\r" + noise + "\r123418130101000F\r"), chunk: 7);

        Assert.Equal(["checksum mismatch", "line too long"], frames.Take(2).Select(f => f.Decoded.Error));
        Assert.True(frames[^1].Decoded.Valid);
    }

    [Fact]
    public void TryReadFrame_FuzzedStreams_NeverThrow()
    {
        var valid = new[] { Encoding.ASCII.GetBytes("1234 18 1 301 01 000 F\r\n") };
        var runs = PanelFuzz.Run(valid, input => ReadAll(input, chunk: 3), seed: 16, iterations: 100_000);

        Assert.Equal(100_000, runs);
    }

    private static List<PanelFrame> ReadAll(byte[] bytes, int chunk)
    {
        var frames = new List<PanelFrame>();
        var pending = Array.Empty<byte>();
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            pending = [.. pending, .. bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i))];
            var buffer = new ReadOnlySequence<byte>(pending);
            while (ContactIdReader.TryReadFrame(ref buffer, out var frame))
            {
                frames.Add(frame);
            }

            pending = buffer.ToArray();
        }

        return frames;
    }
}

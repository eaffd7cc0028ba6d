using System.Buffers;
using AfterSales.Protocol.Panels.SiaDc09;
using static AfterSales.Protocol.Tests.Panels.SiaDc09.Dc09Vectors;

namespace AfterSales.Protocol.Tests.Panels.SiaDc09;

public sealed class Dc09ReaderTests
{
    [Fact]
    public void TryReadFrame_GarbageThenTwoFrames_ReadsBothAndLeavesNothing()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("noise\r\x01" + NullPoll + AdmCidTest));
        var reader = new Dc09Reader();

        Assert.True(reader.TryReadFrame(ref buffer, out var first));
        Assert.True(reader.TryReadFrame(ref buffer, out var second));
        Assert.False(reader.TryReadFrame(ref buffer, out _));

        Assert.Equal("NULL", first.Decoded.Field("id"));
        Assert.Equal("ADM-CID", second.Decoded.Field("id"));
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_PartialFrame_WaitsForMoreBytes()
    {
        var bytes = Bytes(AdmCidTest);
        var buffer = new ReadOnlySequence<byte>(bytes, 0, bytes.Length - 1);

        Assert.False(new Dc09Reader().TryReadFrame(ref buffer, out _));
        Assert.Equal(bytes.Length - 1, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_LengthPointsPastCr_ReportsCorruptAndResyncs()
    {
        var bad = NullPoll.Replace("0029", "002A", StringComparison.Ordinal);
        var buffer = new ReadOnlySequence<byte>(Bytes(bad + "X" + AdmCidTest));
        var reader = new Dc09Reader();

        Assert.True(reader.TryReadFrame(ref buffer, out var corrupt));
        Assert.False(corrupt.Decoded.Valid);
        Assert.True(reader.TryReadFrame(ref buffer, out var good));
        Assert.Equal("ADM-CID", good.Decoded.Field("id"));
    }

    [Fact]
    public void TryReadFrame_EncryptedFrameWithKey_Decodes()
    {
        Assert.True(Dc09Key.TryParse("0123456789abcdef", out var key));
        var buffer = new ReadOnlySequence<byte>(Bytes(EncryptedAscii128));

        Assert.True(new Dc09Reader(key).TryReadFrame(ref buffer, out var frame));

        Assert.True(frame.Decoded.Valid, frame.Decoded.Error);
    }

    [Fact]
    public void TryReadFrame_RandomStreamsWithFrames_NeverThrowsAndAlwaysConsumes()
    {
        var random = new Random(11);
        var frames = new[] { Bytes(NullPoll), Bytes(AdmCidTest), Bytes(EncryptedAscii128) };
        var reader = new Dc09Reader();
        for (var i = 0; i < 20_000; i++)
        {
            var noise = new byte[random.Next(0, 64)];
            random.NextBytes(noise);
            var bytes = noise.Concat(frames[random.Next(frames.Length)]).ToArray();
            if (random.Next(2) == 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)'\n';
            }

            var buffer = new ReadOnlySequence<byte>(bytes);
            var before = buffer.Length;
            while (reader.TryReadFrame(ref buffer, out _))
            {
                Assert.True(buffer.Length < before);
                before = buffer.Length;
            }
        }
    }
}

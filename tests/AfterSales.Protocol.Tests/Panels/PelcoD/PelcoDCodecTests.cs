using System.Buffers;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.PelcoD;

namespace AfterSales.Protocol.Tests.Panels.PelcoD;

public sealed class PelcoDCodecTests
{
    [Fact]
    public void QueryPanPosition_Address1_GivesDocumentedBytes()
    {
        // FF 01 00 51 00 00 52: checksum is (01 + 00 + 51 + 00 + 00) mod 256.
        Assert.Equal(new byte[] { 0xFF, 0x01, 0x00, 0x51, 0x00, 0x00, 0x52 }, PelcoDCodec.QueryPanPosition(1));
    }

    [Fact]
    public void QueryTiltAndZoom_Address1_GiveExactBytes()
    {
        Assert.Equal(new byte[] { 0xFF, 0x01, 0x00, 0x53, 0x00, 0x00, 0x54 }, PelcoDCodec.QueryTiltPosition(1));
        Assert.Equal(new byte[] { 0xFF, 0x01, 0x00, 0x55, 0x00, 0x00, 0x56 }, PelcoDCodec.QueryZoomPosition(1));
    }

    [Fact]
    public void Stop_Address1_IsAllZeroCommand()
    {
        Assert.Equal(new byte[] { 0xFF, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01 }, PelcoDCodec.Stop(1));
    }

    [Fact]
    public void PanTilt_RightAndUp_SetsBitsAndSpeeds()
    {
        // Pan right 0x02 | tilt up 0x08, pan speed 0x20, tilt speed clamped to 0x3F.
        Assert.Equal(new byte[] { 0xFF, 0x02, 0x00, 0x0A, 0x20, 0x3F, 0x6B }, PelcoDCodec.PanTilt(2, 0x20, 0x99));
    }

    [Fact]
    public void Decode_PanResponse_GivesPositionInHundredthsOfDegree()
    {
        // 0x59 reply, 0x464F = 17999 -> 179.99 degrees.
        var result = PelcoDCodec.Decode(new byte[] { 0xFF, 0x01, 0x00, 0x59, 0x46, 0x4F, 0xEF });

        Assert.True(result.Valid, result.Error);
        Assert.Equal("pan position response", result.Field("command"));
        Assert.Equal("17999", result.Field("panCentidegrees"));
        Assert.Empty(result.Faults);
    }

    [Theory]
    [InlineData(0x5B, "tiltCentidegrees")]
    [InlineData(0x5D, "zoomPosition")]
    public void Decode_TiltAndZoomResponses_GivePosition(byte command, string field)
    {
        var frame = new PelcoDFrame(3, 0, command, 0x01, 0x02).ToBytes();

        Assert.Equal("258", PelcoDCodec.Decode(frame).Field(field));
    }

    [Fact]
    public void Decode_EncodedPanTilt_RoundTripsFields()
    {
        var result = PelcoDCodec.Decode(PelcoDCodec.PanTilt(1, -10, -5));

        Assert.Equal("pan left, tilt down", result.Field("command"));
        Assert.Equal("10", result.Field("panSpeed"));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0x01, 0x00, 0x51, 0x00, 0x00, 0x53 }, "checksum")]
    [InlineData(new byte[] { 0xFF, 0x01, 0x00, 0x51, 0x00, 0x00 }, "7 bytes")]
    [InlineData(new byte[] { 0xFF, 0x01, 0x00, 0x51, 0x00, 0x00, 0x52, 0x00 }, "7 bytes")]
    [InlineData(new byte[] { 0xFE, 0x01, 0x00, 0x51, 0x00, 0x00, 0x52 }, "0xFF")]
    public void Decode_Malformed_InvalidWithReason(byte[] frame, string reason)
    {
        var result = PelcoDCodec.Decode(frame);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_GarbageAndFalseSync_ResyncsOnRealFrame()
    {
        // Noise, then a stray 0xFF whose 7 bytes fail the checksum, then a real pan reply.
        byte[] stream = [0x00, 0x13, 0xFF, 0x01, 0xFF, 0x01, 0x00, 0x59, 0x46, 0x4F, 0xEF, 0xFF, 0x01];
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.True(PelcoDReader.TryReadFrame(ref buffer, out var corrupt));
        Assert.False(corrupt.Decoded.Valid);
        Assert.True(PelcoDReader.TryReadFrame(ref buffer, out var reply));
        Assert.Equal("17999", reply.Decoded.Field("panCentidegrees"));
        Assert.False(PelcoDReader.TryReadFrame(ref buffer, out _));
        Assert.Equal(2, buffer.Length);
    }

    [Fact]
    public void Decode_RandomAndMutatedInput_NeverThrows()
    {
        byte[][] valid = [PelcoDCodec.QueryPanPosition(1), PelcoDCodec.PanTilt(1, 5, -5), new PelcoDFrame(1, 0, 0x59, 1, 2).ToBytes()];

        var runs = PanelFuzz.Run(valid, bytes => PelcoDCodec.Decode(bytes), seed: 0x59);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }

    [Fact]
    public void TryReadFrame_RandomStream_NeverThrowsAndAlwaysConsumes()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var buffer = new ReadOnlySequence<byte>(bytes);
            var before = buffer.Length;
            while (PelcoDReader.TryReadFrame(ref buffer, out _))
            {
                Assert.True(buffer.Length < before);
                before = buffer.Length;
            }
        }
    }
}

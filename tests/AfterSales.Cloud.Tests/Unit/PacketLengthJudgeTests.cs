using AfterSales.Cloud.Broker;

namespace AfterSales.Cloud.Tests.Unit;

/// <summary>The packet-size cap read from the byte stream (docs/security.md, "Broker limits"), however the bytes are split.</summary>
public sealed class PacketLengthJudgeTests
{
    [Fact]
    public void PacketsUpToTheCap_Pass_InAnyChunking()
    {
        // CONNECT-like 10 bytes, a PINGREQ (length 0), a publish of exactly the cap (200 = 0xC8 0x01).
        byte[] stream = [0x10, 0x0A, .. new byte[10], 0xC0, 0x00, 0x30, 0xC8, 0x01, .. new byte[200], 0xC0, 0x00];
        for (var size = 1; size <= stream.Length; size++)
        {
            var judge = new PacketLengthJudge(200);
            Assert.All(stream.Chunk(size), c => Assert.True(judge.Accept(c), $"chunks of {size}"));
        }
    }

    [Fact]
    public void APacketOverTheCap_IsRefusedAtItsLengthField_BeforeItsBody()
    {
        var judge = new PacketLengthJudge(200);
        Assert.True(judge.Accept([0x30]));
        Assert.False(judge.Accept([0xC9, 0x01])); // 201
        Assert.Equal(201, judge.RefusedLength);
    }

    [Fact]
    public void AHugeLength_IsRefusedFromItsFirstByte_WithoutWaitingForTheRest()
    {
        var judge = new PacketLengthJudge(4096);
        Assert.True(judge.Accept([0x30, 0x80]));
        Assert.False(judge.Accept([0x80])); // at least 128 * 128 * 128 already
    }

    [Fact]
    public void ALengthOfMoreThanFourBytes_IsRefusedAsMalformed()
    {
        var judge = new PacketLengthJudge(int.MaxValue);
        Assert.False(judge.Accept([0x30, 0x80, 0x80, 0x80, 0x80]));
        Assert.Equal(-1, judge.RefusedLength);
    }
}

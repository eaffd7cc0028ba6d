using System.Buffers;
using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.DscIt100;

namespace AfterSales.Protocol.Tests.Panels.DscIt100;

public sealed class It100CodecTests
{
    private static PanelDecodeResult Decode(string text) => It100Codec.Decode(Encoding.ASCII.GetBytes(text));

    private static string Frame(string body) => Encoding.ASCII.GetString(It100Codec.Encode(body[..3], body[3..]));

    [Fact]
    public void Poll_IsCommand000WithChecksum90()
    {
        // The developer's guide's own example: 0x30 * 3 = 0x90.
        Assert.Equal("00090\r\n", Encoding.ASCII.GetString(It100Codec.Poll()));
    }

    [Fact]
    public void StatusRequest_IsCommand001WithChecksum91()
    {
        Assert.Equal("00191\r\n", Encoding.ASCII.GetString(It100Codec.StatusRequest()));
    }

    [Fact]
    public void Encode_ChecksumOverflows_KeepsLowByteUppercase()
    {
        // 6 5 4 1 = 0x36+0x35+0x34+0x31 = 0xD0; 609 zone 012 = 0x36+0x30+0x39+0x30+0x31+0x32 = 0x132 -> 32.
        Assert.Equal("6541D0\r\n", Encoding.ASCII.GetString(It100Codec.Encode("654", "1")));
        Assert.Equal("60901232\r\n", Encoding.ASCII.GetString(It100Codec.Encode("609", "012")));
    }

    [Fact]
    public void Decode_CommandAcknowledge_GivesAcknowledgedCommand()
    {
        var result = Decode("50000025\r\n");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("500", result.Field("command"));
        Assert.Equal("000", result.Field("acknowledgedCommand"));
        Assert.Empty(result.Faults);
    }

    [Theory]
    [InlineData("6031005", "zone.tamper", FaultState.Raised, "zone-005")]
    [InlineData("6041005", "zone.tamper", FaultState.Cleared, "zone-005")]
    [InlineData("605012", "zone.trouble", FaultState.Raised, "zone-012")]
    [InlineData("606012", "zone.trouble", FaultState.Cleared, "zone-012")]
    [InlineData("800", "panel.low_battery", FaultState.Raised, "panel")]
    [InlineData("801", "panel.low_battery", FaultState.Cleared, "panel")]
    [InlineData("802", "panel.ac_loss", FaultState.Raised, "panel")]
    [InlineData("803", "panel.ac_loss", FaultState.Cleared, "panel")]
    [InlineData("806", "panel.system_trouble", FaultState.Raised, "panel")]
    [InlineData("810", "panel.comm_fail", FaultState.Raised, "panel")]
    [InlineData("813", "panel.comm_fail", FaultState.Cleared, "panel")]
    [InlineData("814", "panel.comm_fail", FaultState.Raised, "panel")]
    [InlineData("821033", "zone.low_battery", FaultState.Raised, "zone-033")]
    [InlineData("822033", "zone.low_battery", FaultState.Cleared, "zone-033")]
    [InlineData("829", "panel.tamper", FaultState.Raised, "panel")]
    [InlineData("830", "panel.tamper", FaultState.Cleared, "panel")]
    [InlineData("842", "panel.system_trouble", FaultState.Raised, "panel")]
    [InlineData("896", "panel.system_trouble", FaultState.Raised, "panel")]
    [InlineData("897", "panel.system_trouble", FaultState.Cleared, "panel")]
    public void Decode_TroubleCommand_MapsToFault(string body, string fault, FaultState state, string device)
    {
        var result = Decode(Frame(body));

        Assert.True(result.Valid, result.Error);
        Assert.Equal(new PanelFault(fault, state, device), Assert.Single(result.Faults));
    }

    [Theory]
    [InlineData("6011005")]
    [InlineData("609005")]
    [InlineData("8401")]
    [InlineData("816")]
    [InlineData("501")]
    [InlineData("502017")]
    [InlineData("999ABC")]
    public void Decode_NonMaintenanceCommand_ValidWithoutFault(string body)
    {
        var result = Decode(Frame(body));

        Assert.True(result.Valid, result.Error);
        Assert.Empty(result.Faults);
    }

    [Theory]
    [InlineData("00091\r\n", "checksum")]
    [InlineData("000", "shorter")]
    [InlineData("", "shorter")]
    [InlineData("A0090\r\n", "three digits")]
    public void Decode_Malformed_InvalidWithReason(string text, string reason)
    {
        var result = Decode(text);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongDataLength_Invalid()
    {
        var result = Decode(Frame("60310005"));

        Assert.False(result.Valid);
        Assert.Contains("data characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OversizedLine_Invalid() => Assert.False(Decode(new string('1', 80)).Valid);

    [Fact]
    public void TryReadFrame_GarbageThenFrames_ReportsGarbageThenReadsFrames()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("\x01\x02zz\r\n" + Frame("802") + Frame("803") + "801"));

        Assert.True(It100Reader.TryReadFrame(ref buffer, out var garbage));
        Assert.True(It100Reader.TryReadFrame(ref buffer, out var ac));
        Assert.True(It100Reader.TryReadFrame(ref buffer, out var restore));
        Assert.False(It100Reader.TryReadFrame(ref buffer, out _));

        Assert.False(garbage.Decoded.Valid);
        Assert.Equal("802", ac.Decoded.Field("command"));
        Assert.Equal("803", restore.Decoded.Field("command"));
        Assert.Equal(3, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_NoLineEndForTooLong_CutsAndReportsCorrupt()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[200]);

        Assert.True(It100Reader.TryReadFrame(ref buffer, out var frame));

        Assert.False(frame.Decoded.Valid);
        Assert.True(buffer.Length < 200);
    }

    [Fact]
    public void Decode_RandomAndMutatedInput_NeverThrows()
    {
        byte[][] valid = [It100Codec.Poll(), It100Codec.Encode("603", "1005"), It100Codec.Encode("821", "033"), It100Codec.Encode("500", "000"), It100Codec.Encode("840", "1")];

        var runs = PanelFuzz.Run(valid, bytes => It100Codec.Decode(bytes), seed: 100);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }
}

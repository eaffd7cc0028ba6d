using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.PelcoD;
using AfterSales.Protocol.Tests.Panels.SiaDc09;

namespace AfterSales.Protocol.Tests.Panels;

public sealed class PanelFrameDecoderTests
{
    public static TheoryData<string, byte[], string?, string, string> ValidFrames() => new()
    {
        { "contact-id", Encoding.ASCII.GetBytes("1234181131010158"), null, "eventCode", "131" },
        { "sia-dc09", Dc09Vectors.Bytes(Dc09Vectors.AdmCidTest), null, "id", "ADM-CID" },
        { "sia-dc09", Dc09Vectors.Bytes(Dc09Vectors.EncryptedHex192), Dc09Vectors.Hex192Key, "code", "AT" },
        { "dsc-it100", Encoding.ASCII.GetBytes("8029A\r\n"), null, "event", "panel AC trouble" },
        { "ad2", Encoding.ASCII.GetBytes("!RFX:0180036,80"), null, "serial", "0180036" },
        { "paradox-prt3", Encoding.ASCII.GetBytes("G036N001A000\r"), null, "group", "036" },
        { "pelco-d", PelcoDCodec.QueryPanPosition(1), null, "command", "query pan position" },
    };

    [Theory]
    [MemberData(nameof(ValidFrames))]
    public void Decode_ValidFrameForEachProtocol_GivesField(string protocol, byte[] frame, string? key, string field, string value)
    {
        var result = PanelFrameDecoder.Decode(protocol, frame, key);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(value, result.Field(field));
    }

    [Fact]
    public void Decode_It100AcTrouble_RaisesAcLoss()
    {
        var result = PanelFrameDecoder.Decode("dsc-it100", "8029A\r\n"u8, null);

        Assert.Equal(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Raised, "panel"), Assert.Single(result.Faults));
    }

    [Fact]
    public void Decode_UnknownProtocol_InvalidListingProtocols()
    {
        var result = PanelFrameDecoder.Decode("modbus", [1, 2, 3], null);

        Assert.False(result.Valid);
        Assert.Contains("pelco-d", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Dc09WithUnusableKey_Invalid()
    {
        var result = PanelFrameDecoder.Decode("sia-dc09", Dc09Vectors.Bytes(Dc09Vectors.EncryptedAscii128), "too-short");

        Assert.False(result.Valid);
        Assert.Contains("key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_StaleDc09Timestamp_StillValid()
    {
        // The window is the receiver's policy, applied with its clock; the decoder only checks the frame.
        Assert.True(PanelFrameDecoder.Decode("sia-dc09", Dc09Vectors.Bytes(Dc09Vectors.NullPoll), null).Valid);
    }

    [Fact]
    public void Decode_RandomInputForEveryProtocol_NeverThrows()
    {
        var frames = ValidFrames().Select(row => (byte[])row[1]).ToArray();
        var i = 0;

        var runs = PanelFuzz.Run(frames, bytes => PanelFrameDecoder.Decode(PanelFrameDecoder.Protocols[i++ % PanelFrameDecoder.Protocols.Count], bytes, "0123456789abcdef"), seed: 42);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }
}

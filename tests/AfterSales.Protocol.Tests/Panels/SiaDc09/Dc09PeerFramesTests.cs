using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;
using static AfterSales.Protocol.Tests.Panels.SiaDc09.Dc09Vectors;

namespace AfterSales.Protocol.Tests.Panels.SiaDc09;

/// <summary>
/// Frames other DC-09 receivers accept and this one once refused: more than one '|'-separated field in the data
/// block (the DC-04 ASCII text after the event), and an empty data block. CRC-16/ARC and length computed independently.
/// </summary>
public sealed class Dc09PeerFramesTests
{
    private const string WithText = "\n96460057\"SIA-DCS\"0003L0#1234[#1234|Nri1/AT00|AMains lost at the gate house]_10:16:49,06-27-2011\r";
    private const string EmptyBlock = "\nE90C002A\"SIA-DCS\"0004L0#1234[]_10:16:49,06-27-2011\r";
    private const string AccountOnly = "\n662F0030\"SIA-DCS\"0005L0#1234[#1234|]_10:16:49,06-27-2011\r";

    private static readonly DateTimeOffset At = new(2011, 6, 27, 10, 16, 49, TimeSpan.Zero);

    [Fact]
    public void Decode_EventWithTextField_ReadsTheEventAndKeepsTheText()
    {
        var result = Dc09Codec.Decode(Bytes(WithText), key: null);

        Assert.True(result.Valid, result.Error);
        Assert.Equal("1234", result.Field("dataAccount"));
        Assert.Equal("Nri1/AT00", result.Field("data"));
        Assert.Equal("Mains lost at the gate house", result.Field("text"));
        Assert.Equal("AT", result.Field("code"));
        Assert.Equal(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Raised, "panel"), Assert.Single(result.Faults));
    }

    [Fact]
    public void Encode_EventWithTextField_GivesTheSameBytes()
    {
        var message = new Dc09Message("SIA-DCS", false, 3, null, "0", "1234", "Nri1/AT00", "1234", [], At, ["AMains lost at the gate house"]);

        Assert.Equal(WithText, Encoding.ASCII.GetString(Dc09Framing.Encode(message)));
    }

    [Fact]
    public void Decode_TextFieldWithoutAccount_TheEventIsNotMistakenForAnAccount()
    {
        var frame = Encoding.ASCII.GetString(Dc09Framing.Encode(new Dc09Message("SIA-DCS", false, 6, null, "0", "1234", "Nri1/AR00", null, [], At, ["ARestored"])));

        var result = Dc09Codec.Decode(Bytes(frame), key: null);

        Assert.True(result.Valid, result.Error);
        Assert.Null(result.Field("dataAccount"));
        Assert.Equal("Restored", result.Field("text"));
        Assert.Equal(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Cleared, "panel"), Assert.Single(result.Faults));
    }

    [Fact]
    public void Decode_EncryptedEventWithTextField_RoundTrips()
    {
        Assert.True(Dc09Key.TryParse("0123456789abcdef", out var key));
        var frame = Dc09Framing.Encode(new Dc09Message("SIA-DCS", true, 8, "1", "1", "1234", "Nri1/AT00", null, [], At, ["AGate house"]), key, pad: "Z");

        var result = Dc09Codec.Decode(frame, key);

        Assert.True(result.Valid, result.Error);
        Assert.Equal("Gate house", result.Field("text"));
        Assert.Equal(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Raised, "panel"), Assert.Single(result.Faults));
    }

    [Theory]
    [InlineData(EmptyBlock)]
    [InlineData(AccountOnly)]
    public void Decode_EmptyDataBlock_IsAValidMessageWithNothingToReport(string frame)
    {
        var result = Dc09Codec.Decode(Bytes(frame), key: null);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(string.Empty, result.Field("data"));
        Assert.Empty(result.Faults);
    }

    [Fact]
    public void Encode_EmptyDataBlock_GivesTheSameBytes()
    {
        var message = new Dc09Message("SIA-DCS", false, 4, null, "0", "1234", string.Empty, null, [], At);

        Assert.Equal(EmptyBlock, Encoding.ASCII.GetString(Dc09Framing.Encode(message)));
    }
}

using System.Buffers;
using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.AlarmDecoder;

namespace AfterSales.Protocol.Tests.Panels.AlarmDecoder;

public sealed class Ad2CodecTests
{
    // Examples as printed in the AlarmDecoder protocol documentation and public bindings.
    private const string ArmedStay = "[00110011000000003A--],010,[f70700000010808c18020000000000],\"ARMED ***STAY** ZONE BYPASSED \"";
    private const string Disarmed = "[10000001000000000A--],008,[f70000051008000c28020000000000],\"****DISARMED****  Ready to Arm  \"";

    private static PanelDecodeResult Decode(string text) => Ad2Codec.Decode(Encoding.ASCII.GetBytes(text));

    [Fact]
    public void Decode_DocumentedArmedStay_GivesFlagsAndAcPresent()
    {
        var result = Decode(ArmedStay + "\r\n");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("true", result.Field("armedHome"));
        Assert.Equal("true", result.Field("zoneBypassed"));
        Assert.Equal("true", result.Field("acPower"));
        Assert.Equal("A", result.Field("panelType"));
        Assert.Equal("ARMED ***STAY** ZONE BYPASSED ", result.Field("text"));
        Assert.Contains(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Cleared, "panel"), result.Faults);
        Assert.Contains(new PanelFault(FaultCodes.PanelLowBattery, FaultState.Cleared, "panel"), result.Faults);
    }

    [Fact]
    public void EncodeKeys_DigitsStarHash_GivesAsciiAndRefusesOthers()
    {
        Assert.Equal("1234*#"u8.ToArray(), Ad2Codec.EncodeKeys("1234*#"));
        Assert.Throws<ArgumentException>(() => Ad2Codec.EncodeKeys("C"));
    }

    [Fact]
    public void Decode_AcPowerBitZero_RaisesAcLoss()
    {
        var result = Decode("[10000000000000000A--],008,[f70000051008000c28020000000000],\"AC LOSS                         \"");

        Assert.Contains(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Raised, "panel"), result.Faults);
    }

    [Fact]
    public void Decode_LowBatteryAndCheckZone_RaisesBatteryAndZoneTrouble()
    {
        var result = Decode("[00000001000100100A--],012,[f70000051008000c28020000000000],\"CHECK 12                        \"");

        Assert.True(result.Valid, result.Error);
        Assert.Contains(new PanelFault(FaultCodes.PanelLowBattery, FaultState.Raised, "panel"), result.Faults);
        Assert.Contains(new PanelFault(FaultCodes.ZoneTrouble, FaultState.Raised, "zone-012"), result.Faults);
    }

    [Fact]
    public void Decode_KpmPrefixedKeypadMessage_SameAsBare()
    {
        var bare = Decode(Disarmed);
        var prefixed = Decode("!KPM:" + Disarmed);

        Assert.True(prefixed.Valid, prefixed.Error);
        Assert.Equal(bare.Fields, prefixed.Fields);
    }

    [Theory]
    [InlineData("!RFX:0180036,80", false, false)]
    [InlineData("!RFX:0180036,02", true, false)]
    [InlineData("!RFX:0180036,06", true, true)]
    public void Decode_Rfx_ReportsBatteryAndSupervisionState(string text, bool lowBattery, bool supervision)
    {
        var result = Decode(text);

        Assert.True(result.Valid, result.Error);
        Assert.Contains(new PanelFault("zone.low_battery", lowBattery ? FaultState.Raised : FaultState.Cleared, "rf-0180036"), result.Faults);
        Assert.Contains(new PanelFault(FaultCodes.ZoneTrouble, supervision ? FaultState.Raised : FaultState.Cleared, "rf-0180036"), result.Faults);
    }

    [Fact]
    public void Decode_Expander_GivesAddressChannelState()
    {
        var result = Decode("!EXP:07,01,01");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("07", result.Field("address"));
        Assert.Equal("open", result.Field("state"));
        Assert.Empty(result.Faults);
    }

    [Theory]
    [InlineData("!LRR:000,1,CID_1301,ff", "panel.ac_loss", FaultState.Raised, "panel")]
    [InlineData("!LRR:000,1,CID_3301,ff", "panel.ac_loss", FaultState.Cleared, "panel")]
    [InlineData("!LRR:015,1,CID_1384,ff", "zone.low_battery", FaultState.Raised, "zone-015")]
    [InlineData("!LRR:000,1,LOWBAT", "panel.low_battery", FaultState.Raised, "panel")]
    [InlineData("!LRR:004,1,TROUBLE_RESTORE", "zone.trouble", FaultState.Cleared, "zone-004")]
    public void Decode_LrrTrouble_MapsToFault(string text, string fault, FaultState state, string device)
    {
        var result = Decode(text);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(new PanelFault(fault, state, device), Assert.Single(result.Faults));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1000000100000000A--],008,[f7],\"x\"", "bit field")]
    [InlineData("[1000000X000000000A--],008,[f7],\"x\"", "position 8")]
    [InlineData("[10000001000000000A--],0008,[f7],\"x\"", "zone")]
    [InlineData("[10000001000000000A--],008,f7,\"x\"", "bracketed")]
    [InlineData("!RFX:018003,80", "RFX")]
    [InlineData("!LRR:000,1,CID_2301", "CID_QXYZ")]
    [InlineData("!FOO:bar", "unsupported")]
    public void Decode_Malformed_InvalidWithReason(string text, string reason)
    {
        var result = Decode(text);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_GarbageThenMessages_ReportsGarbageThenReadsMessages()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("\x00\x01\r\n" + Disarmed + "\r\n!RFX:0180036,02\r\n!EXP"));

        Assert.True(Ad2Reader.TryReadFrame(ref buffer, out var garbage));
        Assert.True(Ad2Reader.TryReadFrame(ref buffer, out var keypad));
        Assert.True(Ad2Reader.TryReadFrame(ref buffer, out var rf));
        Assert.False(Ad2Reader.TryReadFrame(ref buffer, out _));

        Assert.False(garbage.Decoded.Valid);
        Assert.Equal("keypad", keypad.Decoded.Field("type"));
        Assert.Equal("rf", rf.Decoded.Field("type"));
        Assert.Equal(4, buffer.Length);
    }

    [Fact]
    public void Decode_RandomAndMutatedInput_NeverThrows()
    {
        byte[][] valid = [.. new[] { ArmedStay, Disarmed, "!RFX:0180036,06", "!EXP:07,01,01", "!LRR:015,1,CID_1384,ff", "!LRR:000,1,LOWBAT" }.Select(Encoding.ASCII.GetBytes)];

        var runs = PanelFuzz.Run(valid, bytes => Ad2Codec.Decode(bytes), seed: 2);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }
}

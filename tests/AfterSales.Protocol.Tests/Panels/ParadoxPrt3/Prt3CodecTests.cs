using System.Buffers;
using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.ParadoxPrt3;

namespace AfterSales.Protocol.Tests.Panels.ParadoxPrt3;

public sealed class Prt3CodecTests
{
    private static PanelDecodeResult Decode(string text) => Prt3Codec.Decode(Encoding.ASCII.GetBytes(text));

    [Fact]
    public void StatusRequests_GiveExactAsciiWithCr()
    {
        Assert.Equal("RA001\r", Encoding.ASCII.GetString(Prt3Codec.AreaStatusRequest(1)));
        Assert.Equal("RZ012\r", Encoding.ASCII.GetString(Prt3Codec.ZoneStatusRequest(12)));
    }

    [Fact]
    public void Decode_AreaStatusReply_GivesStateAndFlags()
    {
        var result = Decode("RA001DOTOOOO\r");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("disarmed", result.Field("state"));
        Assert.Equal("true", result.Field("trouble"));
        Assert.Equal("false", result.Field("inAlarm"));
        Assert.Empty(result.Faults);
    }

    [Fact]
    public void Decode_ZoneStatusTamperedLowBattery_RaisesAndClearsFromSnapshot()
    {
        var result = Decode("RZ005TOOOL");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("tampered", result.Field("state"));
        Assert.Equal(
            [
                new PanelFault(FaultCodes.ZoneTamper, FaultState.Raised, "zone-005"),
                new PanelFault(FaultCodes.ZoneTrouble, FaultState.Cleared, "zone-005"),
                new PanelFault("zone.low_battery", FaultState.Raised, "zone-005"),
            ],
            result.Faults);
    }

    [Fact]
    public void Decode_ZoneStatusFireLoopTrouble_RaisesZoneTrouble()
    {
        var result = Decode("RZ010FOOOO");

        Assert.Contains(new PanelFault(FaultCodes.ZoneTrouble, FaultState.Raised, "zone-010"), result.Faults);
    }

    [Theory]
    [InlineData("G036N001A000", "panel.ac_loss", FaultState.Raised, "panel")]
    [InlineData("G037N001A000", "panel.ac_loss", FaultState.Cleared, "panel")]
    [InlineData("G036N000A000", "panel.comm_fail", FaultState.Raised, "panel")]
    [InlineData("G036N002A000", "panel.low_battery", FaultState.Raised, "panel")]
    [InlineData("G036N005A000", "panel.system_trouble", FaultState.Raised, "panel")]
    [InlineData("G038N001A000", "panel.tamper", FaultState.Raised, "panel")]
    [InlineData("G039N004A000", "panel.comm_fail", FaultState.Cleared, "panel")]
    [InlineData("G033N007A001", "zone.tamper", FaultState.Raised, "zone-007")]
    [InlineData("G034N007A001", "zone.tamper", FaultState.Cleared, "zone-007")]
    [InlineData("G041N020A001", "zone.low_battery", FaultState.Raised, "zone-020")]
    [InlineData("G044N020A001", "zone.trouble", FaultState.Cleared, "zone-020")]
    public void Decode_TroubleSystemEvent_MapsToFault(string text, string fault, FaultState state, string device)
    {
        var result = Decode(text + "\r");

        Assert.True(result.Valid, result.Error);
        Assert.Equal(new PanelFault(fault, state, device), Assert.Single(result.Faults));
    }

    [Fact]
    public void Decode_ZoneOpenEvent_ValidWithoutFault()
    {
        var result = Decode("G001N005A001");

        Assert.True(result.Valid);
        Assert.Equal("zone open", result.Field("event"));
        Assert.Empty(result.Faults);
    }

    [Theory]
    [InlineData("COMM&ok", FaultState.Cleared)]
    [InlineData("COMM&fail", FaultState.Raised)]
    public void Decode_CommStatus_MapsCommFail(string text, FaultState state)
    {
        Assert.Equal(new PanelFault(FaultCodes.PanelCommFail, state, "panel"), Assert.Single(Decode(text).Faults));
    }

    [Theory]
    [InlineData("AA001A1234&ok", "ok")]
    [InlineData("RA001&fail", "fail")]
    public void Decode_CommandEcho_GivesResult(string text, string outcome)
    {
        var result = Decode(text);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(outcome, result.Field("result"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("RA001DOTOOO", "area status")]
    [InlineData("RA001XOOOOOO", "area status")]
    [InlineData("RZ005TOOOLX", "zone status")]
    [InlineData("G036N00XA000", "digits")]
    [InlineData("HELLO", "unknown")]
    [InlineData("RA001&maybe", "&ok or &fail")]
    public void Decode_Malformed_InvalidWithReason(string text, string reason)
    {
        var result = Decode(text);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_GarbageThenEvents_ReportsGarbageThenReadsEvents()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("\x7f\x01\rG036N001A000\r\nG037N001A000\rRZ0"));

        Assert.True(Prt3Reader.TryReadFrame(ref buffer, out var garbage));
        Assert.True(Prt3Reader.TryReadFrame(ref buffer, out var trouble));
        Assert.True(Prt3Reader.TryReadFrame(ref buffer, out var restore));
        Assert.False(Prt3Reader.TryReadFrame(ref buffer, out _));

        Assert.False(garbage.Decoded.Valid);
        Assert.Equal(FaultState.Raised, trouble.Decoded.Faults[0].State);
        Assert.Equal(FaultState.Cleared, restore.Decoded.Faults[0].State);
        Assert.Equal(3, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_OversizedLine_ReportedCorrupt()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(new string('G', 100) + "\r"));

        Assert.True(Prt3Reader.TryReadFrame(ref buffer, out var frame));

        Assert.False(frame.Decoded.Valid);
    }

    [Fact]
    public void Decode_RandomAndMutatedInput_NeverThrows()
    {
        byte[][] valid = [.. new[] { "G036N001A000", "RZ005TOOOL", "RA001DOTOOOO", "COMM&fail", "AA001&ok", "RA001" }.Select(Encoding.ASCII.GetBytes)];

        var runs = PanelFuzz.Run(valid, bytes => Prt3Codec.Decode(bytes), seed: 3);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }
}

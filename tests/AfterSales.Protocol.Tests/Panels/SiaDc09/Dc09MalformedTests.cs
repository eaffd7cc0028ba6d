using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;
using static AfterSales.Protocol.Tests.Panels.SiaDc09.Dc09Vectors;

namespace AfterSales.Protocol.Tests.Panels.SiaDc09;

public sealed class Dc09MalformedTests
{
    private static PanelDecodeResult Decode(string frame) => Dc09Codec.Decode(Bytes(frame), null);

    private static string Frame(string content) => Encoding.ASCII.GetString(Dc09Framing.Wrap(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void Decode_WrongCrc_InvalidCrcMismatch()
    {
        var result = Decode(AdmCidTest.Replace("F68B", "F68C", StringComparison.Ordinal));

        Assert.False(result.Valid);
        Assert.Contains("CRC", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongLength_Invalid()
    {
        var result = Decode(AdmCidTest.Replace("003B", "003C", StringComparison.Ordinal));

        Assert.False(result.Valid);
        Assert.Contains("length", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\nB0970029\"NULL\"0000L000#0809[]_21:00:01,02-20-2024")]
    [InlineData("B0970029\"NULL\"0000L000#0809[]_21:00:01,02-20-2024\r")]
    public void Decode_TruncatedFrame_Invalid(string frame) => Assert.False(Decode(frame).Valid);

    [Theory]
    [InlineData("\"FOO\"0001L0#1234[]", "unsupported")]
    [InlineData("\"SIA-DCS\"01L0#1234[#1234|NAT]", "sequence")]
    [InlineData("\"SIA-DCS\"0001L0#1234", "'['")]
    [InlineData("\"SIA-DCS\"0001L0#1234[#1234|NAT", "']'")]
    [InlineData("\"SIA-DCS\"0001L0#1234[#1234|NAT]_25:00:00,01-01-2024", "timestamp")]
    [InlineData("\"SIA-DCS\"0001L0#1234[#1234|N]", "event code")]
    [InlineData("\"ADM-CID\"0001L0#1234[#1234|1301 01]", "ADM-CID")]
    [InlineData("\"SIA-DCS\"0001Q0#1234[#1234|NAT]", "header")]
    public void Decode_BadContent_InvalidWithReason(string content, string reason)
    {
        var result = Decode(Frame(content));

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NAT", "panel.ac_loss", FaultState.Raised, "panel")]
    [InlineData("NAR", "panel.ac_loss", FaultState.Cleared, "panel")]
    [InlineData("NYT", "panel.low_battery", FaultState.Raised, "panel")]
    [InlineData("NYR", "panel.low_battery", FaultState.Cleared, "panel")]
    [InlineData("Nri1/TA012", "zone.tamper", FaultState.Raised, "zone-012")]
    [InlineData("NTR0", "panel.tamper", FaultState.Cleared, "panel")]
    [InlineData("NYC", "panel.comm_fail", FaultState.Raised, "panel")]
    [InlineData("NYK", "panel.comm_fail", FaultState.Cleared, "panel")]
    [InlineData("NXT21", "zone.low_battery", FaultState.Raised, "zone-021")]
    [InlineData("NBT5", "zone.trouble", FaultState.Raised, "zone-005")]
    [InlineData("NFJ5", "zone.trouble", FaultState.Cleared, "zone-005")]
    [InlineData("NES", "panel.tamper", FaultState.Raised, "panel")]
    public void Decode_SiaTroubleCode_MapsToFault(string data, string fault, FaultState state, string device)
    {
        var result = Decode(Frame("\"SIA-DCS\"0001L0#1234[#1234|" + data + "]"));

        Assert.True(result.Valid, result.Error);
        Assert.Equal(new PanelFault(fault, state, device), Assert.Single(result.Faults));
    }

    [Fact]
    public void Decode_SeveralSiaEvents_ReportsEachFault()
    {
        var result = Decode(Frame("\"SIA-DCS\"0001L0#1234[#1234|Nri1/AT00/BA3/YT]"));

        Assert.True(result.Valid, result.Error);
        Assert.Equal("BA", result.Field("code2"));
        Assert.Equal(2, result.Faults.Count);
    }

    [Fact]
    public void Decode_AdmCidAcRestore_ClearsAcLoss()
    {
        var result = Decode(Frame("\"ADM-CID\"0005L0#1234[#1234|3301 00 000]"));

        Assert.Equal(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Cleared, "panel"), Assert.Single(result.Faults));
    }

    [Fact]
    public void Decode_RandomAndMutatedInput_NeverThrows()
    {
        Assert.True(Dc09Key.TryParse("0123456789abcdef", out var key));
        byte[][] valid = [Bytes(NullPoll), Bytes(AdmCidTest), Bytes(SiaPhoneRestore), Bytes(SiaWithReceiver), Bytes(EncryptedAscii128), Bytes(Ack), Bytes(Nak)];

        var runs = PanelFuzz.Run(valid, bytes => Dc09Codec.Decode(bytes, key), seed: 9);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }
}

using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.ContactId;

namespace AfterSales.Protocol.Tests.Panels.ContactId;

public sealed class ContactIdCodecTests
{
    private static PanelDecodeResult Decode(string text) => ContactIdCodec.Decode(Encoding.ASCII.GetBytes(text));

    [Fact]
    public void Encode_BurglaryExample_GivesPublishedCheckDigit()
    {
        // The classic example (account 1234, burglary 131, partition 01, zone 015) carries check digit 8.
        var text = ContactIdCodec.Encode(new ContactIdEvent("1234", 18, 1, 131, 1, 15));

        Assert.Equal("1234181131010158", text);
    }

    [Fact]
    public void Decode_SpacedExample_GivesFieldsAndNoFault()
    {
        var result = Decode("1234 18 1 131 01 015 8");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("1234", result.Field("account"));
        Assert.Equal("131", result.Field("eventCode"));
        Assert.Equal("01", result.Field("group"));
        Assert.Equal("015", result.Field("zone"));
        Assert.Empty(result.Faults);
    }

    [Theory]
    [InlineData(1, 301, 0, "panel.ac_loss", FaultState.Raised, "panel")]
    [InlineData(3, 301, 0, "panel.ac_loss", FaultState.Cleared, "panel")]
    [InlineData(6, 302, 0, "panel.low_battery", FaultState.Raised, "panel")]
    [InlineData(1, 309, 0, "panel.low_battery", FaultState.Raised, "panel")]
    [InlineData(1, 300, 0, "panel.system_trouble", FaultState.Raised, "panel")]
    [InlineData(1, 354, 0, "panel.comm_fail", FaultState.Raised, "panel")]
    [InlineData(3, 351, 0, "panel.comm_fail", FaultState.Cleared, "panel")]
    [InlineData(1, 373, 12, "zone.trouble", FaultState.Raised, "zone-012")]
    [InlineData(1, 380, 7, "zone.trouble", FaultState.Raised, "zone-007")]
    [InlineData(3, 381, 130, "zone.trouble", FaultState.Cleared, "zone-130")]
    [InlineData(1, 383, 5, "zone.tamper", FaultState.Raised, "zone-005")]
    [InlineData(1, 144, 5, "zone.tamper", FaultState.Raised, "zone-005")]
    [InlineData(1, 137, 0, "panel.tamper", FaultState.Raised, "panel")]
    [InlineData(1, 137, 9, "zone.tamper", FaultState.Raised, "zone-009")]
    [InlineData(3, 145, 2, "panel.tamper", FaultState.Cleared, "panel")]
    [InlineData(1, 384, 21, "zone.low_battery", FaultState.Raised, "zone-021")]
    public void Decode_TroubleEvent_MapsToFault(int q, int code, int zone, string fault, FaultState state, string device)
    {
        var text = ContactIdCodec.Encode(new ContactIdEvent("1234", 18, q, code, 1, zone));

        var result = Decode(text);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(new PanelFault(fault, state, device), Assert.Single(result.Faults));
    }

    [Fact]
    public void Decode_PeriodicTest_IsLinkTestWithoutFault()
    {
        var result = Decode(ContactIdCodec.Encode(new ContactIdEvent("1234", 18, 1, 602, 0, 0)));

        Assert.True(result.Valid);
        Assert.Equal("true", result.Field("linkTest"));
        Assert.Empty(result.Faults);
    }

    [Fact]
    public void Encode_SumAlreadyDivisible_UsesF()
    {
        // 1234 18 1 131 01 004: digits sum to 60 (each 0 counts 10), so the check digit is F (15), never 0.
        Assert.Equal('F', ContactIdCodec.CheckDigit("123418113101004"));
    }

    [Fact]
    public void Encode_CheckDigitTen_IsWrittenAsZero()
    {
        // Sum 65 needs 10 to reach 75; the digit for value 10 is written '0'.
        Assert.Equal('0', ContactIdCodec.CheckDigit("123418113101013"));
        Assert.True(Decode("1234181131010130").Valid);
    }

    [Theory]
    [InlineData("1234181131010159", "checksum")]
    [InlineData("123418113101015", "16 digits")]
    [InlineData("12341811310101588", "longer")]
    [InlineData("1234171131010159", "message type")]
    [InlineData("", "16 digits")]
    [InlineData("1234G81131010158", "digit")]
    public void Decode_Malformed_InvalidWithReason(string text, string reason)
    {
        var result = Decode(text);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownQualifier_Invalid()
    {
        // Qualifier 2 with a correct check digit still is not Contact ID.
        var body = "123418213101015";
        Assert.False(Decode(body + ContactIdCodec.CheckDigit(body)).Valid);
    }

    [Fact]
    public void Decode_HexAccountAndTrailingCrLf_Valid()
    {
        var text = ContactIdCodec.Encode(new ContactIdEvent("BCDF", 98, 3, 301, 0, 0));

        var result = Decode(text + "\r\n");

        Assert.True(result.Valid, result.Error);
        Assert.Equal("BCDF", result.Field("account"));
        Assert.Equal("98", result.Field("messageType"));
    }

    [Fact]
    public void Decode_RandomAndMutatedInput_NeverThrows()
    {
        byte[][] valid =
        [
            Encoding.ASCII.GetBytes("1234181131010158"),
            ContactIdCodec.EncodeBytes(new ContactIdEvent("1234", 18, 1, 384, 1, 21)),
            Encoding.ASCII.GetBytes("1234 18 3 301 00 000 " + ContactIdCodec.CheckDigit("123418330100000")),
        ];

        var runs = PanelFuzz.Run(valid, bytes => ContactIdCodec.Decode(bytes), seed: 16);

        Assert.Equal(PanelFuzz.Iterations, runs);
    }
}

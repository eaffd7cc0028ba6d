using System.Text;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;
using static AfterSales.Protocol.Tests.Panels.SiaDc09.Dc09Vectors;

namespace AfterSales.Protocol.Tests.Panels.SiaDc09;

public sealed class Dc09CodecTests
{
    private static readonly DateTimeOffset Now = new(2011, 6, 27, 10, 16, 55, TimeSpan.Zero);

    private static Dc09Key Key(string text)
    {
        Assert.True(Dc09Key.TryParse(text, out var key));
        return key!;
    }

    private static PanelDecodeResult Decode(string frame, Dc09Key? key = null) => Dc09Codec.Decode(Bytes(frame), key);

    [Fact]
    public void Decode_CapturedNullPoll_IsLinkTest()
    {
        var result = Decode(NullPoll);

        Assert.True(result.Valid, result.Error);
        Assert.Equal("NULL", result.Field("id"));
        Assert.Equal("0809", result.Field("account"));
        Assert.Equal("000", result.Field("prefix"));
        Assert.Equal("true", result.Field("linkTest"));
        Assert.Equal("2024-02-20T21:00:01Z", result.Field("timestamp"));
        Assert.Empty(result.Faults);
    }

    [Fact]
    public void Decode_CapturedAdmCid_GivesContactIdFields()
    {
        var result = Decode(AdmCidTest);

        Assert.True(result.Valid, result.Error);
        Assert.Equal("0028", result.Field("sequence"));
        Assert.Equal("9757", result.Field("dataAccount"));
        Assert.Equal("602", result.Field("eventCode"));
        Assert.Equal("true", result.Field("linkTest"));
        Assert.Empty(result.Faults);
    }

    [Fact]
    public void Decode_CapturedSiaPhoneLineRestore_ClearsCommFail()
    {
        var result = Decode(SiaPhoneRestore);

        Assert.True(result.Valid, result.Error);
        Assert.Equal("LR", result.Field("code"));
        Assert.Equal("0000", result.Field("area"));
        Assert.Equal(new PanelFault(FaultCodes.PanelCommFail, FaultState.Cleared, "panel"), Assert.Single(result.Faults));
    }

    [Theory]
    [InlineData(SiaWithReceiver, "BH", "005")]
    [InlineData(SiaAutoTest, "RP", "")]
    public void Decode_CapturedSiaEvents_ReadCodeAndAddress(string frame, string code, string address)
    {
        var result = Decode(frame);

        Assert.True(result.Valid, result.Error);
        Assert.Equal(code, result.Field("code"));
        Assert.Equal(address, result.Field("address"));
    }

    [Fact]
    public void Encode_CapturedAdmCidFields_GivesCapturedBytes()
    {
        var message = new Dc09Message("ADM-CID", false, 28, null, "0", "9757", "1602 00 000", "9757", [], new DateTimeOffset(2024, 2, 20, 20, 59, 45, TimeSpan.Zero));

        Assert.Equal(AdmCidTest, Encoding.ASCII.GetString(Dc09Framing.Encode(message)));
    }

    [Theory]
    [InlineData(EncryptedAscii128, "0123456789abcdef")]
    [InlineData(EncryptedHex192, Hex192Key)]
    [InlineData(EncryptedAscii256, "0123456789abcdefghijklmnopqrstuv")]
    public void Decode_EncryptedVector_DecryptsToAcTrouble(string frame, string key)
    {
        var result = Decode(frame, Key(key));

        Assert.True(result.Valid, result.Error);
        Assert.Equal("true", result.Field("encrypted"));
        Assert.Equal("AT", result.Field("code"));
        Assert.Equal("2011-06-27T10:16:49Z", result.Field("timestamp"));
        Assert.Equal(new PanelFault(FaultCodes.PanelAcLoss, FaultState.Raised, "panel"), Assert.Single(result.Faults));
    }

    [Fact]
    public void Encode_EncryptedWithFixedPad_MatchesIndependentVector()
    {
        var message = new Dc09Message("SIA-DCS", true, 2, "1", "1", "1234", "Nri1/AT00", null, [], new DateTimeOffset(2011, 6, 27, 10, 16, 49, TimeSpan.Zero));

        Assert.Equal(EncryptedAscii128, Encoding.ASCII.GetString(Dc09Framing.Encode(message, Key("0123456789abcdef"), pad: "Z")));
    }

    [Fact]
    public void Encode_EncryptedWithRandomPad_RoundTrips()
    {
        var key = Key("0123456789abcdef0123456789ABCDEF");
        var message = new Dc09Message("SIA-DCS", true, 7, null, "0", "ABC", "Nri2/TA012", null, ["X0E00000"], Now);

        var frame = Dc09Framing.Encode(message, key);
        Assert.True(Dc09Parser.TryParse(frame, key, out var decoded, out var error), error);

        Assert.Equal("Nri2/TA012", decoded!.Data);
        Assert.Equal(["X0E00000"], decoded.ExtendedData);
        Assert.Equal(Now, decoded.Timestamp);
    }

    [Fact]
    public void KeyTryParse_ThirtyTwoHexCharacters_IsReadAsHex128()
    {
        Assert.Equal(128, Key("0123456789abcdef0123456789ABCDEF").SizeBits);
        Assert.Equal(256, Key("0123456789abcdefghijklmnopqrstuv").SizeBits);
        Assert.False(Dc09Key.TryParse("short", out _));
    }

    [Fact]
    public void Decode_EncryptedWithoutKey_InvalidNeedsKey()
    {
        var result = Decode(EncryptedAscii128);

        Assert.False(result.Valid);
        Assert.Contains("key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EncryptedWithWrongKey_Invalid()
    {
        Assert.False(Decode(EncryptedAscii128, Key("fedcba9876543210")).Valid);
    }

    [Fact]
    public void Ack_ForReceivedMessage_EchoesHeaderWithReceiverTime()
    {
        var received = new Dc09Message("SIA-DCS", false, 2, "1", "1", "1234", "Nri1/AT00", null, [], null);

        Assert.Equal(Ack, Encoding.ASCII.GetString(Dc09Responses.Ack(received, Now)));
    }

    [Fact]
    public void Ack_ForEncryptedMessage_IsEncryptedLikeIndependentVector()
    {
        var received = new Dc09Message("SIA-DCS", true, 2, "1", "1", "1234", "Nri1/AT00", null, [], null);

        var ack = Dc09Responses.Ack(received, Now, Key("0123456789abcdef"), pad: "Z");

        Assert.Equal(EncryptedAck, Encoding.ASCII.GetString(ack));
    }

    [Fact]
    public void Nak_CarriesReceiverTimestamp()
    {
        Assert.Equal(Nak, Encoding.ASCII.GetString(Dc09Responses.Nak(Now)));
        Assert.True(Decode(Nak).Valid);
    }

    [Fact]
    public void Duh_ForUnsupportedMessage_EchoesSequenceAndAccount()
    {
        var received = new Dc09Message("SIA-DCS", false, 12, null, "0", "1234", string.Empty, null, [], null);

        var result = Dc09Codec.Decode(Dc09Responses.Duh(received, Now), null);

        Assert.True(result.Valid, result.Error);
        Assert.Equal("DUH", result.Field("id"));
        Assert.Equal("0012", result.Field("sequence"));
        Assert.Equal("1234", result.Field("account"));
    }
}

using System.Text;
using System.Text.Json;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Panels.ContactId;
using AfterSales.Protocol.Panels.DscIt100;
using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.Gateway.Tests.Decode;

/// <summary>The <c>decode</c> verb as a technician runs it: the real binary, one frame per call, JSON on stdout.</summary>
public sealed class DecodeCommandTests
{
    public static TheoryData<string, string, string, string, string> ValidFrames => new()
    {
        // protocol, frame as typed, expected fault, state, device
        { "contact-id", ContactIdCodec.Encode(new ContactIdEvent("1234", 18, 1, 301, 0, 0)), "panel.ac_loss", "raised", "panel" },
        { "dsc-it100", Escaped(It100Codec.Encode("605", "012")), "zone.trouble", "raised", "zone-012" },
        { "ad2", "[00000000000100000A--],008,[f70000051008008008000000000000],\"LOW BATTERY\"\\r\\n", "panel.ac_loss", "raised", "panel" },
        { "paradox-prt3", "G037N001A001\\r", "panel.ac_loss", "cleared", "panel" },
        { "sia-dc09", Escaped(Dc09Framing.Encode(new Dc09Message("SIA-DCS", false, 7, null, "0", "1234", "Nri1/AT00", "1234", [], new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero)))), "panel.ac_loss", "raised", "panel" },
    };

    [Theory]
    [MemberData(nameof(ValidFrames))]
    public async Task Decode_ValidFrame_PrintsFieldsAndFaultAndExitsZero(string protocol, string frame, string fault, string state, string device)
    {
        var (exit, json) = await DecodeAsync("--protocol", protocol, frame);

        Assert.Equal(0, exit);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.False(json.TryGetProperty("error", out _));
        Assert.Contains(json.GetProperty("faults").EnumerateArray(), f =>
            f.GetProperty("fault").GetString() == fault && f.GetProperty("state").GetString() == state && f.GetProperty("deviceId").GetString() == device);
    }

    [Theory]
    [InlineData("contact-id", "1234 18 1 301 00 000 7", "checksum mismatch")]
    [InlineData("dsc-it100", "80227\\r\\n", "checksum mismatch")]
    [InlineData("ad2", "[0000000100],008,\"x\"", "keypad message")]
    [InlineData("paradox-prt3", "G0x7N001A001\\r", "digits")]
    [InlineData("sia-dc09", "\\n0000001A\"NULL\"0000L0#1234[]\\r", "length")]
    [InlineData("pelco-d", "FF 01 00 51 00 00 53", "checksum mismatch")]
    [InlineData("pelco-d", "FF 01 00 51 00 00", "7 bytes")]
    public async Task Decode_CorruptFrame_SaysWhyAndExitsOne(string protocol, string frame, string reason)
    {
        var (exit, json) = await DecodeAsync("--protocol", protocol, frame);

        Assert.Equal(1, exit);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Contains(reason, json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.GetProperty("faults").EnumerateArray());
    }

    [Fact]
    public async Task Decode_PelcoDPositionReplyAsHex_PrintsPositionWithoutFault()
    {
        var (exit, json) = await DecodeAsync("--protocol", "pelco-d", "ff 01 00 59 46 50 f0");

        Assert.Equal(0, exit);
        Assert.Equal("pan position response", json.GetProperty("command").GetString());
        Assert.Equal("18000", json.GetProperty("panCentidegrees").GetString());
        Assert.Empty(json.GetProperty("faults").EnumerateArray());
    }

    [Fact]
    public async Task Decode_EncryptedDc09FromLastYearWithKey_DecryptsAndIgnoresTimestampWindow()
    {
        var key = "0123456789abcdef";
        Assert.True(Dc09Key.TryParse(key, out var parsed));
        var stale = new Dc09Message("SIA-DCS", true, 2, "1", "1", "1234", "Nri1/YT", null, [], DateTimeOffset.UtcNow.AddYears(-1));
        var frame = Escaped(Dc09Framing.Encode(stale, parsed));

        var (exit, json) = await DecodeAsync("--protocol", "sia-dc09", "--key", key, frame);
        var (wrongKeyExit, wrongKey) = await DecodeAsync("--protocol", "sia-dc09", "--key", "fedcba9876543210", frame);

        Assert.Equal(0, exit);
        Assert.True(json.GetProperty("encrypted").GetBoolean());
        Assert.Equal("YT", json.GetProperty("code").GetString());
        Assert.Contains(json.GetProperty("faults").EnumerateArray(), f => f.GetProperty("fault").GetString() == "panel.low_battery");
        Assert.Equal(1, wrongKeyExit);
        Assert.Contains("wrong key", wrongKey.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--protocol", "morse", "frame")]
    [InlineData("--protocol", "ad2")]
    [InlineData("123")]
    [InlineData("--protocol", "sia-dc09", "--key", "short", "frame")]
    [InlineData("--protocol", "pelco-d", "FF 01 zz")]
    public async Task Decode_UsageMistake_PrintsUsageAndExitsTwo(params string[] args)
    {
        var (exit, output, error) = await GatewayProcess.RunAsync(["decode", .. args]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("usage: AfterSales.Gateway decode", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, JsonElement Json)> DecodeAsync(params string[] args)
    {
        var (exit, output, error) = await GatewayProcess.RunAsync(["decode", .. args]);
        Assert.True(output.Length > 0, error);
        using var document = JsonDocument.Parse(output);
        return (exit, document.RootElement.Clone());
    }

    /// <summary>How a technician types a frame with control characters on a command line.</summary>
    private static string Escaped(byte[] frame) =>
        Encoding.ASCII.GetString(frame).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;

namespace AfterSales.Protocol.Tests.Json;

/// <summary>The enum converter that replaced JsonStringEnumConverter (no regular expressions on the gateway) reads and writes what it did.</summary>
public sealed class JsonNameEnumConverterTests
{
    private static readonly JsonSerializerOptions Ours = new() { Converters = { new JsonNameEnumConverter<DeviceKind>() } };
    private static readonly JsonSerializerOptions Framework = new() { Converters = { new JsonStringEnumConverter<DeviceKind>() } };

    [Theory]
    [InlineData("\"zone\"")]
    [InlineData("\" camera \"")]
    [InlineData("\"ptz\"")]
    [InlineData("2")]
    [InlineData("\"2\"")]
    [InlineData("\"-1\"")]
    [InlineData("42")]
    public void Read_AcceptsWhatJsonStringEnumConverterAccepts(string json)
    {
        Assert.Equal(JsonSerializer.Deserialize<DeviceKind>(json, Framework), JsonSerializer.Deserialize<DeviceKind>(json, Ours));
    }

    [Theory]
    [InlineData("\"zones\"")]
    [InlineData("\"Zone\"")]
    [InlineData("\"ZONE\"")]
    [InlineData("\"Recorder\"")]
    [InlineData("\"\"")]
    [InlineData("\"2.5\"")]
    [InlineData("2.5")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Read_RefusesWhatJsonStringEnumConverterRefuses(string json)
    {
        var framework = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DeviceKind>(json, Framework));
        var ours = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DeviceKind>(json, Ours));

        Assert.Equal(framework.Message, ours.Message);
    }

    [Fact]
    public void Read_InAnObject_NamesThePathLikeTheFramework()
    {
        const string json = """{"Kind":"zone","Kinds":["camera","nonsense"]}""";

        var framework = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json, Framework));
        Assert.Equal("$.Kinds[1]", framework.Path);
        var ours = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json, Ours));

        Assert.Equal(framework.Message, ours.Message);
        Assert.Equal("$.Kinds[1]", ours.Path);
    }

    [Theory]
    [InlineData(DeviceKind.Zone)]
    [InlineData(DeviceKind.Gateway)]
    [InlineData((DeviceKind)42)]
    public void Write_MatchesJsonStringEnumConverter(DeviceKind kind)
    {
        Assert.Equal(JsonSerializer.Serialize(kind, Framework), JsonSerializer.Serialize(kind, Ours));
    }

    private sealed record Holder(DeviceKind Kind, DeviceKind[] Kinds);
}

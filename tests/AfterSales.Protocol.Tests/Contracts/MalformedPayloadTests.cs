using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Protocol.Json;

namespace AfterSales.Protocol.Tests.Contracts;

public sealed class MalformedPayloadTests
{
    private static JsonObject GoldenEvent() =>
        JsonNode.Parse(PayloadCodec.Encode(GoldenContractTests.SampleEvent()))!.AsObject();

    private static string Reject(JsonObject payload)
    {
        var result = PayloadCodec.DecodeFaultEvent(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        Assert.False(result.IsValid);
        return result.Error;
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("siteId")]
    [InlineData("gatewayId")]
    [InlineData("seq")]
    [InlineData("deviceId")]
    [InlineData("deviceKind")]
    [InlineData("fault")]
    [InlineData("state")]
    [InlineData("severity")]
    [InlineData("occurredAt")]
    [InlineData("schema")]
    public void FaultEvent_MissingRequiredField_RejectedNamingTheField(string field)
    {
        var payload = GoldenEvent();
        payload.Remove(field);

        Assert.Contains(field, Reject(payload), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seq", "\"forty-two\"")]
    [InlineData("occurredAt", "12345")]
    [InlineData("eventId", "\"not-a-uuid\"")]
    [InlineData("state", "\"exploded\"")]
    [InlineData("deviceKind", "\"toaster\"")]
    [InlineData("severity", "\"catastrophic\"")]
    [InlineData("siteId", "null")]
    [InlineData("siteId", "\"site/+/#\"")]
    [InlineData("fault", "\"AC LOSS\"")]
    [InlineData("detail", "[1,2]")]
    [InlineData("seq", "0")]
    [InlineData("schema", "\"aftersales.fault/2\"")]
    public void FaultEvent_WrongTypeOrValue_Rejected(string field, string json)
    {
        var payload = GoldenEvent();
        payload[field] = JsonNode.Parse(json);

        var error = Reject(payload);

        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{\"schema\":")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    public void FaultEvent_NotAnObject_RejectedWithReason(string text)
    {
        var result = PayloadCodec.DecodeFaultEvent(Encoding.UTF8.GetBytes(text));

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void FaultEvent_Oversized_RejectedBeforeParsing()
    {
        var payload = GoldenEvent();
        payload["detail"] = new JsonObject { ["blob"] = new string('x', PayloadCodec.MaxPayloadBytes) };

        Assert.Contains("more than", Reject(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void FaultEvent_InvalidUtf8_RejectedWithReason()
    {
        var bytes = new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D };

        Assert.False(PayloadCodec.DecodeFaultEvent(bytes).IsValid);
    }

    [Fact]
    public void FaultEvent_UnknownFieldsAndUnknownWellFormedCode_Accepted()
    {
        var payload = GoldenEvent();
        payload["firmware"] = "2.1";
        payload["fault"] = "matrix.sync_loss";

        var result = PayloadCodec.DecodeFaultEvent(Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("matrix.sync_loss", result.Value.Fault);
    }

    [Fact]
    public void FaultEvent_RandomBytes_NeverThrow()
    {
        var random = new Random(20261123);
        var buffer = new byte[256];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            var length = random.Next(buffer.Length);
            _ = PayloadCodec.DecodeFaultEvent(buffer.AsSpan(0, length));
            _ = PayloadCodec.DecodeHeartbeat(buffer.AsSpan(0, length));
        }
    }
}

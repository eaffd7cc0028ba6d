using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Topics;

namespace AfterSales.Protocol.Json;

/// <summary>
/// Encodes and decodes wire payloads. Decoding checks size, JSON shape, required fields and
/// the semantic rules of the contract, and reports the first problem as a readable reason.
/// </summary>
public static class PayloadCodec
{
    /// <summary>A fault event is a few hundred bytes; anything this large is an attack or a bug.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    private static ProtocolJsonContext Context => ProtocolJsonContext.Default;

    public static byte[] Encode(FaultEvent value) => JsonSerializer.SerializeToUtf8Bytes(value, Context.FaultEvent);

    public static byte[] Encode(GatewayStatus value) => JsonSerializer.SerializeToUtf8Bytes(value, Context.GatewayStatus);

    public static byte[] Encode(Heartbeat value) => JsonSerializer.SerializeToUtf8Bytes(value, Context.Heartbeat);

    public static byte[] Encode(SiteConfig value) => JsonSerializer.SerializeToUtf8Bytes(value, Context.SiteConfig);

    public static DecodeResult<FaultEvent> DecodeFaultEvent(ReadOnlySpan<byte> utf8) =>
        Decode(utf8, Context.FaultEvent, FaultEventRules.Validate);

    public static DecodeResult<GatewayStatus> DecodeStatus(ReadOnlySpan<byte> utf8) =>
        Decode(utf8, Context.GatewayStatus, s => RequireId(s.GatewayId, "gatewayId"));

    public static DecodeResult<Heartbeat> DecodeHeartbeat(ReadOnlySpan<byte> utf8) =>
        Decode(utf8, Context.Heartbeat, h =>
            RequireId(h.GatewayId, "gatewayId")
            ?? (h.UptimeS < 0 ? "field 'uptimeS' must not be negative" : null)
            ?? (h.OutboxDepth < 0 ? "field 'outboxDepth' must not be negative" : null)
            ?? (h.ActiveFaults < 0 ? "field 'activeFaults' must not be negative" : null));

    public static DecodeResult<SiteConfig> DecodeConfig(ReadOnlySpan<byte> utf8) =>
        Decode(utf8, Context.SiteConfig, SiteConfigRules.Validate);

    internal static string? RequireId(string value, string field) =>
        SiteIds.IsValid(value) ? null : $"field '{field}' must be 1-{SiteIds.MaxLength} characters of letters, digits, '-', '_' or '.'";

    private static DecodeResult<T> Decode<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, Func<T, string?> validate)
        where T : class
    {
        if (utf8.IsEmpty)
        {
            return new DecodeResult<T>(null, "payload is empty");
        }

        if (utf8.Length > MaxPayloadBytes)
        {
            return new DecodeResult<T>(null, $"payload is {utf8.Length} bytes, more than the {MaxPayloadBytes} allowed");
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8, typeInfo);
        }
        catch (JsonException ex)
        {
            return new DecodeResult<T>(null, Describe(ex));
        }
        catch (InvalidOperationException ex)
        {
            // Thrown for some invalid UTF-8 and converter failures; still the sender's fault, not ours.
            return new DecodeResult<T>(null, $"payload is not valid JSON: {ex.Message}");
        }

        if (value is null)
        {
            return new DecodeResult<T>(null, "payload is JSON null, an object was expected");
        }

        var problem = validate(value);
        return problem is null ? new DecodeResult<T>(value, null) : new DecodeResult<T>(null, problem);
    }

    private static string Describe(JsonException ex)
    {
        // The serializer's own message names missing required properties; a path names the bad field.
        var path = ex.Path is { Length: > 1 } p ? $" at {p}" : string.Empty;
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return $"payload rejected{path}: {message}";
    }
}

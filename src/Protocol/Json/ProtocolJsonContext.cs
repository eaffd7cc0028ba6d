using System.Text.Json.Serialization;
using AfterSales.Protocol.Contracts;

namespace AfterSales.Protocol.Json;

/// <summary>
/// Source-generated metadata for every wire contract. Nullable annotations and <c>required</c>
/// are enforced, so a missing or null required field fails the parse instead of defaulting.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 16)]
[JsonSerializable(typeof(FaultEvent))]
[JsonSerializable(typeof(GatewayStatus))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

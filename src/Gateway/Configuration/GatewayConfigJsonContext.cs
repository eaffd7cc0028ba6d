using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Configuration;

// Unknown fields are rejected: a typo such as "debounceMs" would otherwise silently fall back to a default.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(GatewayConfig))]
internal sealed partial class GatewayConfigJsonContext : JsonSerializerContext;

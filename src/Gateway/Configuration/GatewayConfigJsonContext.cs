using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Configuration;

// Unknown fields are rejected: a typo such as "debounceMs" would otherwise silently fall back to a default.
// Computed values (PollInterval, Debounce...) are internal, not public: a public read-only property
// counts as a known field, so "pollInterval" would be accepted and silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(GatewayConfig))]
internal sealed partial class GatewayConfigJsonContext : JsonSerializerContext;

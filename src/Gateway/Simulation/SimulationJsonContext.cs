using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Simulation;

// The same rules as gateway.json: a misspelt step field is reported, not silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(SimulationConfig))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SimulationJsonContext : JsonSerializerContext;

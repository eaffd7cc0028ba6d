using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Inputs;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InputFaultDetail))]
internal sealed partial class InputJsonContext : JsonSerializerContext;

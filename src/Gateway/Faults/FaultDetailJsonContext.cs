using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Faults;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InputFaultDetail))]
internal sealed partial class FaultDetailJsonContext : JsonSerializerContext;

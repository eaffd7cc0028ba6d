using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Power;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PowerFaultDetail))]
internal sealed partial class PowerJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Zones;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ZoneFaultDetail))]
internal sealed partial class ZoneJsonContext : JsonSerializerContext;

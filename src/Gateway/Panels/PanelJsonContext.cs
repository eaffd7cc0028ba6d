using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Panels;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PanelFaultDetail))]
internal sealed partial class PanelJsonContext : JsonSerializerContext;

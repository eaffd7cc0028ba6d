using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Cameras;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CameraFaultDetail))]
internal sealed partial class CameraJsonContext : JsonSerializerContext;

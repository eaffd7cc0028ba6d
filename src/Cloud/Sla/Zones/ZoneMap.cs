using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace AfterSales.Cloud.Sla.Zones;

/// <summary>The drawn zones, parsed once. A zone that cannot be read stops start-up with its name: a silently dropped zone would move deadlines.</summary>
public sealed class ZoneMap
{
    private static readonly JsonSerializerOptions GeoJsonOptions = CreateOptions();
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly (ZoneArea Area, Geometry Shape)[] _zones;

    public ZoneMap(IEnumerable<ZoneArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        _zones = [.. areas.Select(a => (a, Parse(a)))];
    }

    public static ZoneMap Empty { get; } = new([]);

    public bool IsEmpty => _zones.Length == 0;

    /// <summary>Every drawn zone that contains the site, of any centre.</summary>
    public IEnumerable<ZoneArea> Containing(GeoPoint site)
    {
        var point = Factory.CreatePoint(new Coordinate(site.Longitude, site.Latitude));
        return _zones.Where(z => z.Shape.Covers(point)).Select(z => z.Area);
    }

    private static Geometry Parse(ZoneArea area)
    {
        try
        {
            using var document = JsonDocument.Parse(area.GeoJson);
            var root = document.RootElement;
            var geometryJson = root.TryGetProperty("type", out var type) && type.GetString() == "Feature"
                ? root.GetProperty("geometry").GetRawText()
                : root.GetRawText();
            var geometry = JsonSerializer.Deserialize<Geometry>(geometryJson, GeoJsonOptions)
                ?? throw new JsonException("no geometry");
            if (geometry is not (Polygon or MultiPolygon) || !geometry.IsValid)
            {
                throw new JsonException($"a zone must be a valid Polygon or MultiPolygon, not {geometry.GeometryType}");
            }

            return geometry;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"Sla:Zones: zone '{area.Zone}' of centre '{area.CentreId}' has unreadable GeoJSON: {ex.Message}", ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}

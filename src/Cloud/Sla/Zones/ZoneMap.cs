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

    /// <summary>Whether any zone of the map is drawn for the centre.</summary>
    public bool HasCentre(string centreId) => Array.Exists(_zones, z => z.Area.CentreId == centreId);

    /// <summary>What is wrong with a zone's GeoJSON, in words for the person who drew it; null when it reads as a valid Polygon or MultiPolygon.</summary>
    public static string? Problem(ZoneArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        try
        {
            ParseGeometry(area.GeoJson);
            return null;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return ex.Message;
        }
    }

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
            return ParseGeometry(area.GeoJson);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new InvalidOperationException($"Sla:Zones: zone '{area.Zone}' of centre '{area.CentreId}' has unreadable GeoJSON: {ex.Message}", ex);
        }
    }

    private static bool IsUnreadable(Exception ex) => ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException;

    private static Geometry ParseGeometry(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var root = document.RootElement;
        var geometryJson = root.TryGetProperty("type", out var type) && type.GetString() == "Feature"
            ? root.GetProperty("geometry").GetRawText()
            : root.GetRawText();
        var geometry = JsonSerializer.Deserialize<Geometry>(geometryJson, GeoJsonOptions)
            ?? throw new JsonException("no geometry");
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw new JsonException($"a zone must be a Polygon or MultiPolygon, not {geometry.GeometryType}");
        }

        if (!geometry.IsValid)
        {
            throw new JsonException($"the {geometry.GeometryType} is not valid: its rings must be closed and must not cross themselves");
        }

        return geometry;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}

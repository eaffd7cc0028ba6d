using System.Globalization;
using System.Text.Json;
using AfterSales.Cloud.Sla.Zones;
using AfterSales.Protocol.Topics;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Pure: reads an uploaded GeoJSON FeatureCollection into a centre's zones (docs/service-rules.md §7.4).
/// Each feature is a Polygon or MultiPolygon whose properties give <c>zone</c> (a short name, unique in
/// the file), <c>arrivalHours</c> (more than 0, at most 720) and optionally <c>label</c>. Anything
/// else is an <see cref="ArgumentException"/> that names the feature and what is wrong with it.
/// </summary>
public static class ZoneUploadRules
{
    public const int MaxCharacters = 2_000_000;

    public const int MaxZones = 50;

    public const double MaxArrivalHours = 720;

    public static List<ZoneArea> Read(string centreId, string? geoJson)
    {
        Require(!string.IsNullOrWhiteSpace(geoJson), "The file is empty: upload a GeoJSON FeatureCollection of the centre's zones.");
        Require(geoJson!.Length <= MaxCharacters, $"The file is larger than {MaxCharacters / 1_000_000} MB; simplify the polygons.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The file is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            Require(root.ValueKind == JsonValueKind.Object && Text(root, "type") == "FeatureCollection" && root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array,
                "The file must be a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}.");
            var list = root.GetProperty("features").EnumerateArray().ToList();
            Require(list.Count > 0, "The FeatureCollection has no features; to take a centre's zones away, use Remove zones.");
            Require(list.Count <= MaxZones, $"At most {MaxZones} zones per centre.");
            var zones = new List<ZoneArea>();
            for (var i = 0; i < list.Count; i++)
            {
                zones.Add(Zone(centreId, list[i], i + 1));
            }

            var twice = zones.GroupBy(z => z.Zone, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            Require(twice is null, $"The zone name '{twice?.Key}' is used by more than one feature.");
            return zones;
        }
    }

    private static ZoneArea Zone(string centreId, JsonElement feature, int number)
    {
        var at = $"Feature {number.ToString(CultureInfo.InvariantCulture)}";
        Require(feature.ValueKind == JsonValueKind.Object && Text(feature, "type") == "Feature", $"{at} is not a GeoJSON Feature.");
        Require(feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object, $"{at} has no properties: give it \"zone\" and \"arrivalHours\".");
        var zone = Text(properties, "zone");
        Require(SiteIds.IsValid(zone), $"{at}: \"zone\" must be a short name of letters, digits, '-', '_' or '.' (e.g. \"ring1\").");
        Require(properties.TryGetProperty("arrivalHours", out var hours) && hours.ValueKind == JsonValueKind.Number && hours.GetDouble() is > 0 and <= MaxArrivalHours,
            $"{at} ({zone}): \"arrivalHours\" must be a number of hours above 0 and at most {MaxArrivalHours.ToString(CultureInfo.InvariantCulture)}.");
        Require(feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object, $"{at} ({zone}) has no geometry.");
        var area = new ZoneArea { CentreId = centreId, Zone = zone!, Label = Text(properties, "label"), ArrivalHours = hours.GetDouble(), GeoJson = geometry.GetRawText() };
        var problem = ZoneMap.Problem(area);
        Require(problem is null, $"{at} ({zone}): {problem}.");
        return area;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

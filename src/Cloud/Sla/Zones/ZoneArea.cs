namespace AfterSales.Cloud.Sla.Zones;

/// <summary>A service zone drawn as a polygon (a ring road, a district) for one service centre.</summary>
public sealed class ZoneArea
{
    public required string Zone { get; set; }

    public string? Label { get; set; }

    public required string CentreId { get; set; }

    public double ArrivalHours { get; set; }

    /// <summary>A GeoJSON Polygon or MultiPolygon (or a Feature holding one); coordinates are [longitude, latitude].</summary>
    public required string GeoJson { get; set; }
}

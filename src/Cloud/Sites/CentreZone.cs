namespace AfterSales.Cloud.Sites;

/// <summary>A service zone an admin uploaded for one of their centres: a polygon and how soon a technician must arrive in it.</summary>
public sealed class CentreZone
{
    public long Id { get; set; }

    public required string CentreId { get; set; }

    /// <summary>The zone's short name (<c>ring1</c>), unique within its centre.</summary>
    public required string Zone { get; set; }

    public string? Label { get; set; }

    public double ArrivalHours { get; set; }

    /// <summary>A GeoJSON Polygon or MultiPolygon; coordinates are [longitude, latitude].</summary>
    public required string GeoJson { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

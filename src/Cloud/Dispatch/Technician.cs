using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Dispatch;

/// <summary>A field technician (技术员) of a service company.</summary>
public sealed class Technician
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string TenantId { get; set; } = Tenants.Default;

    /// <summary>Comma-separated: alarm, cctv, ptz, power, cabling.</summary>
    public string Skills { get; set; } = string.Empty;

    /// <summary>
    /// The service centre the technician leaves from, set on the admin page; while set, its coordinates
    /// are the technician's base (<see cref="TechnicianBase"/>), so moving the centre moves them too.
    /// </summary>
    public string? HomeCentreId { get; set; }

    /// <summary>Where the technician leaves from when no home centre is set (the seed's coordinates).</summary>
    public double BaseLatitude { get; set; }

    public double BaseLongitude { get; set; }

    /// <summary>The last location the technician's phone reported (check-in); null until one is known.</summary>
    public double? LastLatitude { get; set; }

    public double? LastLongitude { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Works the company's business hours; duty shifts add on-call and holiday cover on top.</summary>
    public bool WorksBusinessHours { get; set; } = true;

    public bool Active { get; set; } = true;
}

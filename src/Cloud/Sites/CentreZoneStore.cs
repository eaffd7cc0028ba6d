using AfterSales.Cloud.Sla.Zones;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// The zones admins uploaded for their centres (docs/service-rules.md §7.4). An upload replaces all
/// zones of that centre in one transaction, or, when anything in the file is wrong, changes nothing.
/// The parsed map is kept for the desk and re-read at once on this node after a change, and at most
/// <see cref="Fresh"/> later on the others.
/// </summary>
internal sealed class CentreZoneStore(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private (ZoneMap Map, DateTimeOffset ReadAt)? _cached;

    public async Task<List<CentreZone>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var own = db.ServiceCentres.Where(c => c.TenantId == tenantId).Select(c => c.Id);
        return await db.CentreZones.AsNoTracking().Where(z => own.Contains(z.CentreId)).OrderBy(z => z.CentreId).ThenBy(z => z.ArrivalHours).ThenBy(z => z.Zone).ToListAsync(cancellationToken);
    }

    /// <summary>Replaces the centre's zones with those of the file; null when the centre is not the company's. Refusals are <see cref="ArgumentException"/>s.</summary>
    public async Task<List<CentreZone>?> UploadAsync(string tenantId, string centreId, string? geoJson, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.ServiceCentres.AnyAsync(c => c.Id == centreId && c.TenantId == tenantId, cancellationToken))
        {
            return null;
        }

        var areas = ZoneUploadRules.Read(centreId, geoJson);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CentreZones.Where(z => z.CentreId == centreId).ExecuteDeleteAsync(cancellationToken);
        var zones = areas.Select(a => new CentreZone { CentreId = centreId, Zone = a.Zone, Label = a.Label, ArrivalHours = a.ArrivalHours, GeoJson = a.GeoJson, UploadedAt = now }).ToList();
        db.CentreZones.AddRange(zones);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _cached = null;
        return zones;
    }

    /// <summary>Takes the centre's uploaded zones away: it is measured by the configured zones and distance bands again.</summary>
    public async Task<bool> RemoveAsync(string tenantId, string centreId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.ServiceCentres.AnyAsync(c => c.Id == centreId && c.TenantId == tenantId, cancellationToken))
        {
            return false;
        }

        await db.CentreZones.Where(z => z.CentreId == centreId).ExecuteDeleteAsync(cancellationToken);
        _cached = null;
        return true;
    }

    /// <summary>Every uploaded zone, parsed; <see cref="SiteArrivalRules"/> narrows it to the company's centres.</summary>
    public async Task<ZoneMap> MapAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < Fresh)
        {
            return cached.Map;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rows = await db.CentreZones.AsNoTracking().ToListAsync(cancellationToken);
        var map = new ZoneMap(rows.Select(z => new ZoneArea { CentreId = z.CentreId, Zone = z.Zone, Label = z.Label, ArrivalHours = z.ArrivalHours, GeoJson = z.GeoJson }));
        _cached = (map, now);
        return map;
    }
}

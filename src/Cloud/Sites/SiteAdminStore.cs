using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// An admin's changes to the company's centres, sites and gateways, each narrowed to the admin's
/// tenant and effective at once: the desk reads centres and sites per event, the broker reads the
/// gateway at each connection, and the gateway→site cache is dropped here (docs/cloud.md, "Administration").
/// Every refusal is an <see cref="ArgumentException"/> whose message says what is wrong.
/// </summary>
internal sealed class SiteAdminStore(IDbContextFactory<CloudDb> dbs, GatewayStore gateways, TimeProvider time)
{
    public async Task<List<ServiceCentre>> CentresAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.ServiceCentres.AsNoTracking().Where(c => c.TenantId == tenantId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    public async Task<List<Site>> SitesAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.TenantId == tenantId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<List<RegisteredGateway>> GatewaysAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var tenantSites = db.Sites.Where(s => s.TenantId == tenantId).Select(s => s.Id);
        return await db.Gateways.AsNoTracking().Where(g => tenantSites.Contains(g.SiteId)).OrderBy(g => g.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Adds the centre, or changes the tenant's centre of that id.</summary>
    public async Task<ServiceCentre> SaveCentreAsync(string tenantId, ServiceCentre centre, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(centre);
        Require(SiteIds.IsValid(centre.Id), $"'{centre.Id}' is not a valid id: 1-{SiteIds.MaxLength} letters, digits, '-', '_' or '.'.");
        Require(!string.IsNullOrWhiteSpace(centre.Name), "A centre needs a name.");
        RequireCoordinates(centre.Latitude, centre.Longitude);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var existing = await db.ServiceCentres.FindAsync([centre.Id], cancellationToken);
        Require(existing is null || existing.TenantId == tenantId, $"The id '{centre.Id}' is taken.");
        if (existing is null)
        {
            existing = new ServiceCentre { Id = centre.Id, Name = centre.Name, TenantId = tenantId };
            db.ServiceCentres.Add(existing);
        }

        (existing.Name, existing.Latitude, existing.Longitude) = (centre.Name.Trim(), centre.Latitude, centre.Longitude);
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>Adds the site, or changes the tenant's site of that id.</summary>
    public async Task<Site> SaveSiteAsync(string tenantId, Site site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        Require(SiteIds.IsValid(site.Id), $"'{site.Id}' is not a valid site id: 1-{SiteIds.MaxLength} letters, digits, '-', '_' or '.'.");
        Require(!string.IsNullOrWhiteSpace(site.Name), "A site needs a name.");
        RequireCoordinates(site.Latitude, site.Longitude);
        Require(site.ContractArrivalHours is null or (> 0 and <= 720), "The site's own arrival figure is a positive number of hours, at most 720.");
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var existing = await db.Sites.FindAsync([site.Id], cancellationToken);
        Require(existing is null || existing.TenantId == tenantId, $"The site id '{site.Id}' is taken.");
        if (existing is null)
        {
            existing = new Site { Id = site.Id, Name = site.Name, TenantId = tenantId };
            db.Sites.Add(existing);
        }

        (existing.Name, existing.Customer, existing.Address, existing.ContactPhone) = (site.Name.Trim(), Trimmed(site.Customer), Trimmed(site.Address), Trimmed(site.ContactPhone));
        (existing.Latitude, existing.Longitude, existing.ContractArrivalHours) = (site.Latitude, site.Longitude, site.ContractArrivalHours);
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>
    /// Registers a gateway for one of the tenant's sites, with no credential yet, and returns its
    /// one-time enrolment token (docs/service-rules.md §7.2).
    /// </summary>
    public async Task<string> AddGatewayAsync(string tenantId, string gatewayId, string siteId, double validHours, CancellationToken cancellationToken)
    {
        Require(SiteIds.IsValid(gatewayId), $"'{gatewayId}' is not a valid gateway id: 1-{SiteIds.MaxLength} letters, digits, '-', '_' or '.'.");
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        Require(await db.Sites.AnyAsync(s => s.Id == siteId && s.TenantId == tenantId, cancellationToken), $"Unknown site '{siteId}'.");
        Require(await db.Gateways.FindAsync([gatewayId], cancellationToken) is null, $"The gateway id '{gatewayId}' is taken.");
        var gateway = new RegisteredGateway { Id = gatewayId, SiteId = siteId, SecretHash = string.Empty };
        var token = Issue(gateway, validHours);
        db.Gateways.Add(gateway);
        await db.SaveChangesAsync(cancellationToken);
        gateways.Invalidate(gatewayId);
        return token;
    }

    /// <summary>A new token (a lost one, a replaced board): the old token stops working; the credential changes when the new one is used.</summary>
    public async Task<string?> NewTokenAsync(string tenantId, string gatewayId, double validHours, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var gateway = await TenantGatewayAsync(db, tenantId, gatewayId, cancellationToken);
        if (gateway is null)
        {
            return null;
        }

        var token = Issue(gateway, validHours);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Removes the gateway: from now on the broker refuses its credential and ingest its messages.</summary>
    public async Task<bool> RemoveGatewayAsync(string tenantId, string gatewayId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var gateway = await TenantGatewayAsync(db, tenantId, gatewayId, cancellationToken);
        if (gateway is null)
        {
            return false;
        }

        db.Gateways.Remove(gateway);
        await db.SaveChangesAsync(cancellationToken);
        gateways.Invalidate(gatewayId);
        return true;
    }

    private static Task<RegisteredGateway?> TenantGatewayAsync(CloudDb db, string tenantId, string gatewayId, CancellationToken cancellationToken) =>
        (from g in db.Gateways join s in db.Sites on g.SiteId equals s.Id where g.Id == gatewayId && s.TenantId == tenantId select g).SingleOrDefaultAsync(cancellationToken);

    private string Issue(RegisteredGateway gateway, double validHours)
    {
        Require(validHours is > 0 and <= 24 * 30, "A token is valid for 1 hour to 30 days.");
        var token = EnrolmentTokens.New();
        (gateway.EnrolmentTokenHash, gateway.EnrolmentExpiresAt, gateway.EnrolledAt) = (EnrolmentTokens.Hash(token), time.GetUtcNow().AddHours(validHours), null);
        return token;
    }

    private static void RequireCoordinates(double latitude, double longitude) =>
        Require(latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && !(latitude == 0 && longitude == 0), "Latitude is -90 to 90 and longitude -180 to 180 (decimal degrees, e.g. 30.6574, 104.0657).");

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class SiteTables
{
    extension(CloudDb db)
    {
        public DbSet<ServiceCentre> ServiceCentres => db.Set<ServiceCentre>();

        public DbSet<Site> Sites => db.Set<Site>();

        public DbSet<CentreZone> CentreZones => db.Set<CentreZone>();

        public DbSet<RegisteredGateway> Gateways => db.Set<RegisteredGateway>();

        /// <summary>
        /// The ids of one service company's sites, as a query: every module narrows its rows to these
        /// (<c>.Where(x => mine.Contains(x.SiteId))</c>), so another tenant's rows never leave the database
        /// (docs/security.md, "Tenants").
        /// </summary>
        public IQueryable<string> SiteIdsOf(string tenantId) => db.Sites.Where(s => s.TenantId == tenantId).Select(s => s.Id);

        /// <summary>Whether <paramref name="siteId"/> is a site of <paramref name="tenantId"/>: another company's site is answered as if it did not exist.</summary>
        public Task<bool> IsSiteOfAsync(string tenantId, string? siteId, CancellationToken cancellationToken) =>
            siteId is null ? Task.FromResult(false) : db.Sites.AnyAsync(s => s.Id == siteId && s.TenantId == tenantId, cancellationToken);

        /// <summary>The service companies that have sites: the periodic duties run once per company.</summary>
        public Task<List<string>> TenantsWithSitesAsync(CancellationToken cancellationToken) =>
            db.Sites.Select(s => s.TenantId).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}

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

        public DbSet<RegisteredGateway> Gateways => db.Set<RegisteredGateway>();
    }
}

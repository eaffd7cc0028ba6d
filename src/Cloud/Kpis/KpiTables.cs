using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Kpis;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class KpiTables
{
    extension(CloudDb db)
    {
        public DbSet<TenantKpiTargets> KpiTargets => db.Set<TenantKpiTargets>();
    }
}

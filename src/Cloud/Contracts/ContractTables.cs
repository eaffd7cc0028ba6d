using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Contracts;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class ContractTables
{
    extension(CloudDb db)
    {
        public DbSet<MaintenanceContract> Contracts => db.Set<MaintenanceContract>();
    }
}

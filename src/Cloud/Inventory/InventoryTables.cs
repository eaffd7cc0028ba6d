using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Inventory;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class InventoryTables
{
    extension(CloudDb db)
    {
        public DbSet<InventoryDevice> InventoryDevices => db.Set<InventoryDevice>();

        public DbSet<SiteInventoryState> SiteInventories => db.Set<SiteInventoryState>();
    }
}

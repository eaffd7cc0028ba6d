using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Parts;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class PartTables
{
    extension(CloudDb db)
    {
        public DbSet<PartMove> PartMoves => db.Set<PartMove>();
    }
}

using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Inspections;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class InspectionTables
{
    extension(CloudDb db)
    {
        public DbSet<InspectionJob> InspectionJobs => db.Set<InspectionJob>();

        public DbSet<InspectionItem> InspectionItems => db.Set<InspectionItem>();
    }
}

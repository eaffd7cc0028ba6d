using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Reports;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class ReportTables
{
    extension(CloudDb db)
    {
        public DbSet<ArchivedReport> ArchivedReports => db.Set<ArchivedReport>();

        public DbSet<ReportRun> ReportRuns => db.Set<ReportRun>();
    }
}

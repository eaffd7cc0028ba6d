using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class InboxTables
{
    extension(CloudDb db)
    {
        public DbSet<InboxEvent> IngestInbox => db.Set<InboxEvent>();
    }
}

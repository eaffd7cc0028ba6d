using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Feedback;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class FeedbackTables
{
    extension(CloudDb db)
    {
        public DbSet<Survey> Surveys => db.Set<Survey>();

        public DbSet<Complaint> Complaints => db.Set<Complaint>();

        public DbSet<ComplaintClassification> ComplaintClassifications => db.Set<ComplaintClassification>();

        public DbSet<Revisit> Revisits => db.Set<Revisit>();
    }
}

using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Correlation;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
using AfterSales.Cloud.Tickets.Work;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class TicketTables
{
    extension(CloudDb db)
    {
        public DbSet<Ticket> Tickets => db.Set<Ticket>();

        public DbSet<TicketOccurrence> Occurrences => db.Set<TicketOccurrence>();

        public DbSet<TicketAuditEntry> TicketAudit => db.Set<TicketAuditEntry>();

        public DbSet<PartUsed> PartsUsed => db.Set<PartUsed>();

        public DbSet<JobSignature> JobSignatures => db.Set<JobSignature>();

        public DbSet<DeskTimer> DeskTimers => db.Set<DeskTimer>();

        public DbSet<Incident> Incidents => db.Set<Incident>();

        /// <summary>Whether the ticket is on a site of <paramref name="tenantId"/>; another company's ticket is answered as if it did not exist.</summary>
        public Task<bool> IsTicketOfAsync(string tenantId, long? ticketId, CancellationToken cancellationToken)
        {
            if (ticketId is not { } id)
            {
                return Task.FromResult(false);
            }

            var mine = db.SiteIdsOf(tenantId);
            return db.Tickets.AnyAsync(t => t.Id == id && mine.Contains(t.SiteId), cancellationToken);
        }

        public DbSet<CustomerCall> CustomerCalls => db.Set<CustomerCall>();
    }
}

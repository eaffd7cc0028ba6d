using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Tickets.Lifecycle;

internal sealed class TicketLifecycleConfiguration : IEntityTypeConfiguration<Ticket>, IEntityTypeConfiguration<TicketAuditEntry>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TechnicianId).HasMaxLength(64);
        builder.Property(t => t.Resolution).HasMaxLength(2000);
        builder.HasIndex(t => t.TechnicianId);
        builder.HasIndex(t => new { t.SiteId, t.DeviceId, t.Fault, t.ClosedAt });

        // Correlation asks "is a power or uplink fault open on this site?" and "is this incident still open?" on every new ticket.
        builder.HasIndex(t => new { t.SiteId, t.Fault });
        builder.HasIndex(t => t.IncidentId);
    }

    public void Configure(EntityTypeBuilder<TicketAuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.To).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId);
        builder.HasIndex(a => a.TicketId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AfterSales.Cloud.Sites;

namespace AfterSales.Cloud.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>, IEntityTypeConfiguration<TicketOccurrence>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.Property(t => t.SiteId).HasMaxLength(64);
        builder.Property(t => t.DeviceId).HasMaxLength(64);
        builder.Property(t => t.Fault).HasMaxLength(64);
        builder.Property(t => t.Zone).HasMaxLength(64);
        builder.Property(t => t.CentreId).HasMaxLength(64);
        builder.Property(t => t.LastGatewayId).HasMaxLength(64);
        builder.Property(t => t.DeviceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TechnicianId).HasMaxLength(64);
        builder.Property(t => t.Resolution).HasMaxLength(Ticket.ResolutionMaxLength);
        builder.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId);

        // The rule "one open ticket per (site, device, fault)" is the database's to keep,
        // so two cloud nodes racing on the same fault cannot both open one.
        builder.HasIndex(t => new { t.SiteId, t.DeviceId, t.Fault })
            .IsUnique()
            .HasFilter("\"ClosedAt\" IS NULL")
            .HasDatabaseName("UX_Tickets_OpenFault");
        builder.HasIndex(t => t.ClosedAt);
        builder.HasIndex(t => new { t.SiteId, t.DeviceId, t.Fault, t.ClosedAt });

        // The dispatcher counts each technician's open jobs, and correlation asks "is a power or uplink
        // fault open on this site?" and "is this incident still open?", on every new ticket. Each index
        // ends in ClosedAt: SQLite, without statistics, otherwise takes "ClosedAt IS NULL" to the
        // ClosedAt index and walks every open ticket, which in a storm of 10 000 new tickets made each
        // one slower than the last.
        builder.HasIndex(t => new { t.TechnicianId, t.ClosedAt });
        builder.HasIndex(t => new { t.SiteId, t.Fault, t.ClosedAt });
        builder.HasIndex(t => new { t.IncidentId, t.ClosedAt });
        builder.HasMany(t => t.Occurrences).WithOne().HasForeignKey(o => o.TicketId);
    }

    public void Configure(EntityTypeBuilder<TicketOccurrence> builder)
    {
        builder.ToTable("Occurrences");
        builder.Property(o => o.SiteId).HasMaxLength(64);
        builder.Property(o => o.DeviceId).HasMaxLength(64);
        builder.Property(o => o.Fault).HasMaxLength(64);
        builder.Property(o => o.GatewayId).HasMaxLength(64);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => o.EventId).IsUnique();

        // The ingest worker's per-gateway seq mark (AppliedSeqStore): one seek, whatever the history.
        builder.HasIndex(o => new { o.GatewayId, o.Seq });
    }
}

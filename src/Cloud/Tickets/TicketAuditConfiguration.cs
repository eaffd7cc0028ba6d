using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Tickets;

internal sealed class TicketAuditConfiguration : IEntityTypeConfiguration<TicketAuditEntry>
{
    public void Configure(EntityTypeBuilder<TicketAuditEntry> builder)
    {
        builder.ToTable("TicketAudit");
        builder.Property(a => a.Actor).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.To).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId);
        builder.HasIndex(a => a.TicketId);
    }
}

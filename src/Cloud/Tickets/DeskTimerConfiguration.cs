using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Tickets;

internal sealed class DeskTimerConfiguration : IEntityTypeConfiguration<DeskTimer>
{
    public void Configure(EntityTypeBuilder<DeskTimer> builder)
    {
        builder.ToTable("DeskTimers");
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TechnicianId).HasMaxLength(64);
        builder.Property(t => t.LastError).HasMaxLength(TimerQuarantineRules.ErrorLength);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId);
        builder.HasIndex(t => new { t.FiredAt, t.CancelledAt, t.DueAt });
        builder.HasIndex(t => t.TicketId);
    }
}

using AfterSales.Cloud.Tickets.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Tickets;

internal sealed class WorkConfiguration : IEntityTypeConfiguration<PartUsed>, IEntityTypeConfiguration<JobSignature>
{
    public void Configure(EntityTypeBuilder<PartUsed> builder)
    {
        builder.ToTable("PartsUsed");
        builder.Property(p => p.Part).HasMaxLength(200);
        builder.Property(p => p.Reason).HasMaxLength(400);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(p => p.TicketId);
        builder.HasIndex(p => p.TicketId);
    }

    public void Configure(EntityTypeBuilder<JobSignature> builder)
    {
        builder.ToTable("JobSignatures");
        builder.HasIndex(s => new { s.TicketId, s.Visit }).IsUnique();
        builder.Property(s => s.SignerName).HasMaxLength(200);
        builder.Property(s => s.CollectedBy).HasMaxLength(100);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId);
    }
}

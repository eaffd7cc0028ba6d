using AfterSales.Cloud.Tickets.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Tickets;

internal sealed class CustomerCallConfiguration : IEntityTypeConfiguration<CustomerCall>
{
    public void Configure(EntityTypeBuilder<CustomerCall> builder)
    {
        builder.ToTable("CustomerCalls");
        builder.Property(c => c.SiteId).HasMaxLength(64);
        builder.Property(c => c.DeviceId).HasMaxLength(64);
        builder.Property(c => c.Symptom).HasMaxLength(CustomerCall.SymptomMaxLength);
        builder.Property(c => c.CallerName).HasMaxLength(100);
        builder.Property(c => c.CallbackPhone).HasMaxLength(32);
        builder.Property(c => c.RecordedBy).HasMaxLength(100);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId);
        builder.HasIndex(c => c.TicketId);
    }
}

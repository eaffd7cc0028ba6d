using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Recipient).HasMaxLength(100);
        builder.Property(n => n.Message).HasMaxLength(1000);
        builder.HasIndex(n => n.SentAt);
        builder.HasIndex(n => n.TicketId);
    }
}

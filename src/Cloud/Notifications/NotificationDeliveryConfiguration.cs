using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Notifications;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Address).HasMaxLength(2000);
        builder.Property(d => d.Secret).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(NotificationConfiguration.ErrorChars);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}

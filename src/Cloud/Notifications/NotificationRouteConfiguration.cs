using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Notifications;

internal sealed class NotificationRouteConfiguration : IEntityTypeConfiguration<NotificationRoute>
{
    public void Configure(EntityTypeBuilder<NotificationRoute> builder)
    {
        builder.ToTable("NotificationRoutes");
        builder.Property(r => r.Recipient).HasMaxLength(100);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Address).HasMaxLength(2000);
        builder.Property(r => r.Secret).HasMaxLength(200);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.HasIndex(r => new { r.TenantId, r.Recipient });
    }
}

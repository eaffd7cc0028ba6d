using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public const int ErrorChars = 1000;

    public const int MessageChars = 1000;

    /// <summary>A message as long as its column holds.</summary>
    public static string ClipMessage(string message) => message.Length > MessageChars ? message[..MessageChars] : message;

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Recipient).HasMaxLength(100);
        builder.Property(n => n.Message).HasMaxLength(MessageChars);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Token).HasMaxLength(64);
        builder.Property(n => n.LinkPath).HasMaxLength(200);
        builder.Property(n => n.LastError).HasMaxLength(ErrorChars);
        builder.Property(n => n.TraceParent).HasMaxLength(64);
        builder.HasIndex(n => n.Token).IsUnique();
        builder.HasIndex(n => new { n.Status, n.RoutedAt });
        builder.HasIndex(n => n.TicketId);
        builder.HasIndex(n => n.GatheredIntoId);
        builder.Property(n => n.TenantId).HasMaxLength(64);
        builder.HasIndex(n => new { n.TenantId, n.Id });
        builder.HasMany(n => n.Deliveries).WithOne().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

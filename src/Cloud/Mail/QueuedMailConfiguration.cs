using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Mail;

internal sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public const int ErrorChars = 1000;

    public void Configure(EntityTypeBuilder<QueuedMail> builder)
    {
        builder.ToTable("MailQueue");
        builder.Property(m => m.To).HasMaxLength(2000);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(ErrorChars);
        builder.Property(m => m.TraceParent).HasMaxLength(64);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.QueuedMailId).OnDelete(DeleteBehavior.Cascade);
    }
}

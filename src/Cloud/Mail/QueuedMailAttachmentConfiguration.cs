using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Mail;

internal sealed class QueuedMailAttachmentConfiguration : IEntityTypeConfiguration<QueuedMailAttachment>
{
    public void Configure(EntityTypeBuilder<QueuedMailAttachment> builder)
    {
        builder.ToTable("MailQueueAttachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}

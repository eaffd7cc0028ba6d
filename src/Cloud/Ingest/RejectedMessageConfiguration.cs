using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Ingest;

internal sealed class RejectedMessageConfiguration : IEntityTypeConfiguration<RejectedMessage>
{
    public void Configure(EntityTypeBuilder<RejectedMessage> builder)
    {
        builder.ToTable("RejectedMessages");
        builder.Property(r => r.Topic).HasMaxLength(RejectedMessageLimits.TopicChars);
        builder.Property(r => r.Reason).HasMaxLength(RejectedMessageLimits.ReasonChars);
        builder.Property(r => r.PayloadExcerpt).HasMaxLength(RejectedMessageLimits.ExcerptChars);
        builder.HasIndex(r => r.ReceivedAt);
    }
}

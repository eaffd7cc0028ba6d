using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Ingest;

internal sealed class InboxEventConfiguration : IEntityTypeConfiguration<InboxEvent>
{
    public void Configure(EntityTypeBuilder<InboxEvent> builder)
    {
        builder.ToTable("IngestInbox");
        builder.Property(e => e.Topic).HasMaxLength(RejectedMessageLimits.TopicChars);
        builder.Property(e => e.SiteId).HasMaxLength(64);
        builder.Property(e => e.GatewayId).HasMaxLength(64);

        // No index besides the key: the worker reads the oldest rows by id, and rows are deleted once
        // applied, so the table stays as small as the backlog. Duplicates (a redelivery) are allowed
        // here and settled by the desk's unique event id.
    }
}

using AfterSales.Cloud.Tickets.Correlation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Tickets;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.Property(i => i.SiteId).HasMaxLength(64);
        builder.HasIndex(i => new { i.SiteId, i.LastFaultAt });
    }
}

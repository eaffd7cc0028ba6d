using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Sites;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<ServiceCentre>, IEntityTypeConfiguration<Site>, IEntityTypeConfiguration<RegisteredGateway>, IEntityTypeConfiguration<CentreZone>
{
    public void Configure(EntityTypeBuilder<ServiceCentre> builder)
    {
        builder.ToTable("ServiceCentres");
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.TenantId).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Customer).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(400);
        builder.Property(s => s.ContactPhone).HasMaxLength(40);
        builder.Property(s => s.TenantId).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<RegisteredGateway> builder)
    {
        builder.ToTable("Gateways");
        builder.Property(g => g.Id).HasMaxLength(64);
        builder.Property(g => g.SiteId).HasMaxLength(64);
        builder.Property(g => g.SecretHash).HasMaxLength(200);
        builder.Property(g => g.EnrolmentTokenHash).HasMaxLength(64);
        builder.HasIndex(g => g.EnrolmentTokenHash).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(g => g.SiteId);
    }

    public void Configure(EntityTypeBuilder<CentreZone> builder)
    {
        builder.ToTable("CentreZones");
        builder.Property(z => z.CentreId).HasMaxLength(64);
        builder.Property(z => z.Zone).HasMaxLength(64);
        builder.Property(z => z.Label).HasMaxLength(200);
        builder.HasIndex(z => new { z.CentreId, z.Zone }).IsUnique();
        builder.HasOne<ServiceCentre>().WithMany().HasForeignKey(z => z.CentreId);
    }
}

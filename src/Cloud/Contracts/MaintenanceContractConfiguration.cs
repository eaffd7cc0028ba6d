using AfterSales.Cloud.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Contracts;

internal sealed class MaintenanceContractConfiguration : IEntityTypeConfiguration<MaintenanceContract>
{
    public void Configure(EntityTypeBuilder<MaintenanceContract> e)
    {
        e.ToTable("Contracts");
        e.Property(c => c.Number).HasMaxLength(64);
        e.Property(c => c.SiteId).HasMaxLength(64);
        e.Property(c => c.Category).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Clock).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.ContactEmails).HasMaxLength(1000);
        e.Property(c => c.ContactName).HasMaxLength(200);
        e.HasIndex(c => c.Number).IsUnique();
        e.HasIndex(c => new { c.SiteId, c.EndsOn });
        e.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId);
    }
}

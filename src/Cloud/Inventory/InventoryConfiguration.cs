using AfterSales.Cloud.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Inventory;

internal sealed class InventoryDeviceConfiguration : IEntityTypeConfiguration<InventoryDevice>
{
    public void Configure(EntityTypeBuilder<InventoryDevice> e)
    {
        e.ToTable("InventoryDevices");
        e.Property(d => d.SiteId).HasMaxLength(64);
        e.Property(d => d.DeviceId).HasMaxLength(64);
        e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Name).HasMaxLength(200);
        e.Property(d => d.Model).HasMaxLength(100);
        e.Property(d => d.Serial).HasMaxLength(100);
        e.Property(d => d.Address).HasMaxLength(200);
        e.Ignore(d => d.Label);
        e.HasIndex(d => new { d.SiteId, d.DeviceId }).IsUnique();
        e.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId);
    }
}

internal sealed class SiteInventoryStateConfiguration : IEntityTypeConfiguration<SiteInventoryState>
{
    public void Configure(EntityTypeBuilder<SiteInventoryState> e)
    {
        e.ToTable("SiteInventories");
        e.HasKey(s => s.SiteId);
        e.Property(s => s.SiteId).HasMaxLength(64);
        e.HasOne<Site>().WithOne().HasForeignKey<SiteInventoryState>(s => s.SiteId);
    }
}

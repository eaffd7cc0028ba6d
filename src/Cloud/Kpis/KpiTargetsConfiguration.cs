using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Kpis;

internal sealed class KpiTargetsConfiguration : IEntityTypeConfiguration<TenantKpiTargets>
{
    public void Configure(EntityTypeBuilder<TenantKpiTargets> e)
    {
        e.ToTable("KpiTargets");
        e.HasKey(t => t.TenantId);
        e.Property(t => t.TenantId).HasMaxLength(64);
        e.Property(t => t.UpdatedBy).HasMaxLength(200);
        e.ComplexProperty(t => t.Targets);
    }
}

using AfterSales.Cloud.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Reports;

internal sealed class ArchivedReportConfiguration : IEntityTypeConfiguration<ArchivedReport>
{
    public void Configure(EntityTypeBuilder<ArchivedReport> e)
    {
        e.ToTable("ArchivedReports");
        e.Property(r => r.SiteId).HasMaxLength(64);
        e.Property(r => r.Kind).HasMaxLength(16);
        e.Property(r => r.EmailedTo).HasMaxLength(1000);
        e.HasIndex(r => new { r.SiteId, r.Kind, r.Period }).IsUnique();
        e.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId);
    }
}

internal sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> e)
    {
        e.ToTable("ReportRuns");
        e.Property(r => r.Kind).HasMaxLength(16);
        e.Property(r => r.LastError).HasMaxLength(1000);
        e.Property(r => r.TenantId).HasMaxLength(64);

        // The unique period is the claim: of two nodes starting the same company's month, one insert wins.
        e.HasIndex(r => new { r.TenantId, r.Kind, r.Period }).IsUnique();
    }
}

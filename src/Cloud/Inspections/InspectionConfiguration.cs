using AfterSales.Cloud.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Inspections;

internal sealed class InspectionJobConfiguration : IEntityTypeConfiguration<InspectionJob>
{
    public void Configure(EntityTypeBuilder<InspectionJob> e)
    {
        e.ToTable("InspectionJobs");
        e.Property(j => j.SiteId).HasMaxLength(64);
        e.Property(j => j.TechnicianId).HasMaxLength(64);
        e.Property(j => j.Remarks).HasMaxLength(2000);
        e.Property(j => j.SignerName).HasMaxLength(InspectionJob.MaxSignerName);
        e.Property(j => j.SignatureCollectedBy).HasMaxLength(200);

        // One inspection per site per month, however often the planner runs.
        e.HasIndex(j => new { j.SiteId, j.Month }).IsUnique();
        e.HasIndex(j => new { j.TechnicianId, j.ScheduledFor });
        e.HasOne<Site>().WithMany().HasForeignKey(j => j.SiteId);
        e.HasMany(j => j.Items).WithOne().HasForeignKey(i => i.JobId);
    }
}

internal sealed class InspectionItemConfiguration : IEntityTypeConfiguration<InspectionItem>
{
    public void Configure(EntityTypeBuilder<InspectionItem> e)
    {
        e.ToTable("InspectionItems");
        e.Property(i => i.Area).HasConversion<string>().HasMaxLength(24);
        e.Property(i => i.Result).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.DeviceId).HasMaxLength(64);
        e.Property(i => i.Label).HasMaxLength(200);
        e.Property(i => i.Check).HasMaxLength(400);
        e.Property(i => i.Prefill).HasMaxLength(400);
        e.Property(i => i.Note).HasMaxLength(1000);
    }
}

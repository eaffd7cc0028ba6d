using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Dispatch;

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<Technician>, IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<Technician> builder)
    {
        builder.ToTable("Technicians");
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Phone).HasMaxLength(40);
        builder.Property(t => t.TenantId).HasMaxLength(64);
        builder.Property(t => t.Skills).HasMaxLength(200);
        builder.Property(t => t.HomeCentreId).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<DutyShift> builder)
    {
        builder.ToTable("DutyShifts");
        builder.Property(s => s.TechnicianId).HasMaxLength(64);
        builder.Property(s => s.Kind).HasMaxLength(32);
        builder.HasOne<Technician>().WithMany().HasForeignKey(s => s.TechnicianId);
        builder.HasIndex(s => new { s.TechnicianId, s.End });
    }
}

using AfterSales.Cloud.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Feedback;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> e)
    {
        e.ToTable("Surveys");
        e.Property(s => s.Token).HasMaxLength(64);
        e.Property(s => s.SiteId).HasMaxLength(64);
        e.Property(s => s.TechnicianId).HasMaxLength(64);
        e.Property(s => s.Comment).HasMaxLength(Survey.CommentMaxLength);
        e.HasIndex(s => s.Token).IsUnique();
        e.HasIndex(s => s.SiteId);
        e.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> e)
    {
        e.ToTable("Complaints");
        e.Property(c => c.Number).HasMaxLength(16);
        e.Property(c => c.SiteId).HasMaxLength(64);
        e.Property(c => c.TechnicianId).HasMaxLength(64);
        e.Property(c => c.Summary).HasMaxLength(2000);
        e.Property(c => c.Cause).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.Fix).HasMaxLength(2000);
        e.Property(c => c.ClassifiedBy).HasMaxLength(200);
        e.HasIndex(c => c.Number).IsUnique();
        e.HasIndex(c => c.SiteId);
        e.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId);
    }
}

internal sealed class ComplaintClassificationConfiguration : IEntityTypeConfiguration<ComplaintClassification>
{
    public void Configure(EntityTypeBuilder<ComplaintClassification> e)
    {
        e.ToTable("ComplaintClassifications");
        e.Property(c => c.FromCause).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.ToCause).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.By).HasMaxLength(200);
        e.HasIndex(c => c.ComplaintId);
        e.HasOne<Complaint>().WithMany().HasForeignKey(c => c.ComplaintId);
    }
}

internal sealed class RevisitConfiguration : IEntityTypeConfiguration<Revisit>
{
    public void Configure(EntityTypeBuilder<Revisit> e)
    {
        e.ToTable("Revisits");
        e.Property(r => r.SiteId).HasMaxLength(64);
        e.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Finding).HasMaxLength(2000);
        e.Property(r => r.Suggestions).HasMaxLength(2000);
        e.Property(r => r.SignerName).HasMaxLength(100);
        e.Property(r => r.RecordedBy).HasMaxLength(100);
        e.HasIndex(r => new { r.TicketId, r.Role }).IsUnique();
        e.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId);
    }
}

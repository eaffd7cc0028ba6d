using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Cloud.Auth;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.UserName).HasMaxLength(100);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.Property(u => u.TenantId).HasMaxLength(64);
        builder.Property(u => u.TechnicianId).HasMaxLength(64);
        builder.Property(u => u.Customer).HasMaxLength(200);
        builder.Property(u => u.SecurityStamp).HasMaxLength(32);
        builder.Property(u => u.Culture).HasMaxLength(16);
        builder.HasIndex(u => u.UserName).IsUnique();
    }
}

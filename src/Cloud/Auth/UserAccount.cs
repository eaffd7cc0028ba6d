using AfterSales.Cloud.Dispatch;

namespace AfterSales.Cloud.Auth;

/// <summary>A person who signs in with a password. The role decides the pages; the tenant and links decide the data.</summary>
public sealed class UserAccount
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>ASP.NET Core <c>PasswordHasher</c> output (PBKDF2, salted, versioned).</summary>
    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public string TenantId { get; set; } = Tenants.Default;

    /// <summary>For a technician: whose jobs they see.</summary>
    public string? TechnicianId { get; set; }

    /// <summary>For a customer: sites whose <c>Customer</c> is this name.</summary>
    public string? Customer { get; set; }

    public bool Disabled { get; set; }
}

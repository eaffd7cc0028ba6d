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

    /// <summary>The language the user chose on the page (<c>zh-CN</c>, <c>en</c>); null: the service company's default (docs/localization.md).</summary>
    public string? Culture { get; set; }

    /// <summary>
    /// Changes whenever what the account may do changes (password, role, tenant, links, disabled), so
    /// a cookie issued before no longer validates (docs/security.md, "Sign-in").
    /// </summary>
    public string SecurityStamp { get; set; } = NewStamp();

    /// <summary>Wrong passwords since the last success or lockout.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>Gives the account its role and data scope; any change ends the sessions issued before it.</summary>
    public void Grant(string role, string tenantId, string? technicianId, string? customer)
    {
        if (role != Role || tenantId != TenantId || technicianId != TechnicianId || customer != Customer)
        {
            SecurityStamp = NewStamp();
        }

        (Role, TenantId, TechnicianId, Customer) = (role, tenantId, technicianId, customer);
    }

    /// <summary>A new password (already hashed) ends the sessions signed in with the old one.</summary>
    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = NewStamp();
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Reference data that bootstraps an empty database (the demo's, a new deployment's): each row is
/// inserted when missing and never updated or deleted, so nothing an admin changed is overwritten
/// at the next start. Day-to-day changes are made on the admin pages (docs/cloud.md, "Administration").
/// </summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public List<ServiceCentre> Centres { get; set; } = [];

    public List<Site> Sites { get; set; } = [];

    public List<GatewaySeed> Gateways { get; set; } = [];

    public List<ApiKeySeed> ApiKeys { get; set; } = [];

    public List<Technician> Technicians { get; set; } = [];

    /// <summary>On-call and holiday duty; a shift with the same technician and start is updated, not repeated.</summary>
    public List<DutyShift> DutyShifts { get; set; } = [];

    public List<UserSeed> Users { get; set; } = [];
}

public sealed class UserSeed
{
    public string UserName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Hashed on the way in; only the hash is stored. Used only when the user is created: a password changed later stays.</summary>
    public string Password { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string TenantId { get; set; } = Tenants.Default;

    public string? TechnicianId { get; set; }

    public string? Customer { get; set; }
}

public sealed class GatewaySeed
{
    public string Id { get; set; } = string.Empty;

    public string SiteId { get; set; } = string.Empty;

    /// <summary>Plain broker password (the demo's); hashed on the way in. Prefer <see cref="SecretHash"/> so the file holds no secret.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The PBKDF2 hash of the secret (<c>AfterSales.Cloud gateway-secret-hash</c> prints one).</summary>
    public string? SecretHash { get; set; }
}

public sealed class ApiKeySeed
{
    public string Name { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string TenantId { get; set; } = Tenants.Default;
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Reference data applied at start-up (inserted or updated, never deleted): how a deployment
/// or the demo declares its centres, sites, gateways and bootstrap API keys in configuration.
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

    /// <summary>Hashed on the way in; only the hash is stored. A seeded user's password is reset to this at every start.</summary>
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

    public string Secret { get; set; } = string.Empty;
}

public sealed class ApiKeySeed
{
    public string Name { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string TenantId { get; set; } = Tenants.Default;
}

using System.Security.Claims;
using AfterSales.Cloud.Dispatch;

namespace AfterSales.Cloud.Auth;

/// <summary>Who is asking, and therefore which data they may see: their tenant, their jobs, their sites.</summary>
public sealed record DeskUser(string Name, string Role, string TenantId, string? TechnicianId, string? Customer)
{
    public const string TenantClaim = "tenant";
    public const string TechnicianClaim = "technician_id";
    public const string CustomerClaim = "customer";

    public bool IsStaff => Role is ApiKeyRoles.Admin or ApiKeyRoles.Dispatcher;

    /// <summary>
    /// An admin of the default company, which runs the deployment: the only one who sees what belongs
    /// to no company (messages from clients that name no known site).
    /// </summary>
    public bool IsOperator => Role == ApiKeyRoles.Admin && TenantId == Tenants.Default;

    public static DeskUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new DeskUser(
            principal.Identity?.Name ?? "unknown",
            principal.FindFirstValue(ClaimTypes.Role) ?? string.Empty,
            principal.FindFirstValue(TenantClaim) ?? Tenants.Default,
            principal.FindFirstValue(TechnicianClaim),
            principal.FindFirstValue(CustomerClaim));
    }
}

using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Cloud.Auth;

/// <summary>
/// Who reaches which pages and endpoints, each rule defined once here and named by every
/// endpoint group and page convention (no inline roles); data inside is further narrowed to the
/// caller's tenant, jobs or sites. Only sign-in, the survey link, health and the public
/// site-config signing key are open to anyone.
/// </summary>
internal static class AccessPolicies
{
    /// <summary>Any signed-in user, whatever the role: the ticket list (narrowed per role inside), the API description.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Dispatchers and admins: the console, reassignment, ingest diagnostics.</summary>
    public const string Staff = "staff";

    /// <summary>Admins alone: the company's own set-up — centres, sites, gateways, people, targets (issue 15).</summary>
    public const string Admin = "admin";

    /// <summary>Technicians: their own jobs.</summary>
    public const string Technician = "technician";

    /// <summary>Whoever works a job: technicians on their own, staff on any of their tenant.</summary>
    public const string Field = "field";

    /// <summary>Customers: their own portal — their company's sites only (issue 14).</summary>
    public const string Customer = "customer";

    /// <summary>Read-only views of tickets: staff and customers (for their own sites).</summary>
    public const string Board = "board";

    /// <summary>
    /// Admins of the default company, which runs the deployment: process-wide figures (ingest counters)
    /// that add up every company's traffic, and what belongs to no company.
    /// </summary>
    public const string Operator = "operator";

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Staff, p => p.RequireRole(ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher))
        .AddPolicy(Admin, p => p.RequireRole(ApiKeyRoles.Admin))
        .AddPolicy(Technician, p => p.RequireRole(ApiKeyRoles.Technician))
        .AddPolicy(Field, p => p.RequireRole(ApiKeyRoles.Technician, ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher))
        .AddPolicy(Operator, p => p.RequireRole(ApiKeyRoles.Admin).RequireClaim(DeskUser.TenantClaim, Tenants.Default))
        .AddPolicy(Customer, p => p.RequireRole(ApiKeyRoles.Customer))
        .AddPolicy(Board, p => p.RequireRole(ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher, ApiKeyRoles.Customer));
}

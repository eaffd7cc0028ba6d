using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Cloud.Auth;

/// <summary>Who reaches which pages and endpoints; data inside is further narrowed to the caller's tenant, jobs or sites.</summary>
internal static class AccessPolicies
{
    /// <summary>Dispatchers and admins: the console, reassignment, ingest diagnostics.</summary>
    public const string Staff = "staff";

    /// <summary>Technicians: their own jobs.</summary>
    public const string Technician = "technician";

    /// <summary>Whoever works a job: technicians on their own, staff on any of their tenant.</summary>
    public const string Field = "field";

    /// <summary>Read-only views of tickets: staff and customers (for their own sites).</summary>
    public const string Board = "board";

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher))
        .AddPolicy(Technician, p => p.RequireRole(ApiKeyRoles.Technician))
        .AddPolicy(Field, p => p.RequireRole(ApiKeyRoles.Technician, ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher))
        .AddPolicy(Board, p => p.RequireRole(ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher, ApiKeyRoles.Customer));
}

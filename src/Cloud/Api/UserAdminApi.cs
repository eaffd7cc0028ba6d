using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Api;

/// <summary>
/// The admin's users of their own company (role admin): list, create, disable and enable, reset the
/// password, change the role or language. A change ends the user's open sessions at once
/// (docs/security.md, "Users"); a user of another company is answered 404.
/// </summary>
internal static class UserAdminApi
{
    public static IEndpointRouteBuilder MapUserAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/users").RequireAuthorization(AccessPolicies.Admin).WithTags("Administration");
        api.MapGet("/", (HttpContext http, UserAdminStore store, CancellationToken ct) => store.ListAsync(Tenant(http), ct));
        api.MapPost("/", (NewUser body, HttpContext http, UserAdminStore store, CancellationToken ct) => Refusing(async () =>
        {
            var (user, password) = await store.CreateAsync(Tenant(http), new UserDraft(body.UserName ?? string.Empty, body.DisplayName, body.Role ?? string.Empty, body.Culture, body.Password, body.TechnicianId, body.Customer), ct);
            return Results.Created($"/api/v1/admin/users/{user.UserName}", new WithPassword(user, password));
        }));
        api.MapPost("/{userName}/disable", (string userName, HttpContext http, UserAdminStore store, CancellationToken ct) =>
            Refusing(async () => Found(await store.SetDisabledAsync(Tenant(http), Actor(http), userName, disabled: true, ct))));
        api.MapPost("/{userName}/enable", (string userName, HttpContext http, UserAdminStore store, CancellationToken ct) =>
            Refusing(async () => Found(await store.SetDisabledAsync(Tenant(http), Actor(http), userName, disabled: false, ct))));
        api.MapPost("/{userName}/password", (string userName, NewPassword? body, HttpContext http, UserAdminStore store, CancellationToken ct) =>
            Refusing(async () => await store.ResetPasswordAsync(Tenant(http), userName, body?.Password, ct) is { } reset
                ? Results.Ok(new WithPassword(reset.User, reset.Password))
                : Results.NotFound()));
        api.MapPut("/{userName}/role", (string userName, RoleBody body, HttpContext http, UserAdminStore store, CancellationToken ct) =>
            Refusing(async () => Found(await store.ChangeRoleAsync(Tenant(http), Actor(http), userName, body.Role ?? string.Empty, body.TechnicianId, body.Customer, ct))));
        api.MapPut("/{userName}/culture", (string userName, CultureBody body, HttpContext http, UserAdminStore store, CancellationToken ct) =>
            Refusing(async () => Found(await store.SetCultureAsync(Tenant(http), userName, body.Culture, ct))));
        return app;
    }

    private static string Tenant(HttpContext http) => DeskUser.From(http.User).TenantId;

    /// <summary>The signed-in admin's own user name; empty for an API key, which is no user.</summary>
    private static string Actor(HttpContext http) => http.User.FindFirst(UserStore.UserClaim)?.Value ?? string.Empty;

    private static IResult Found(UserView? user) => user is null ? Results.NotFound() : Results.Ok(user);

    private static async Task<IResult> Refusing(Func<Task<IResult>> act)
    {
        try
        {
            return await act();
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(ex.Message, statusCode: 400);
        }
    }

    internal sealed record NewUser(string? UserName, string? DisplayName, string? Role, string? Culture, string? Password, string? TechnicianId, string? Customer);

    internal sealed record NewPassword(string? Password);

    internal sealed record RoleBody(string? Role, string? TechnicianId, string? Customer);

    internal sealed record CultureBody(string? Culture);

    /// <summary>The password is in the answer once, to hand to the person; the cloud keeps only its hash.</summary>
    internal sealed record WithPassword(UserView User, string Password);
}

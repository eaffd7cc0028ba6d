namespace AfterSales.Cloud.Auth;

/// <summary>An admin manages the API keys of their own company: list, issue, revoke (docs/security.md, "API keys").</summary>
internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/apikeys").RequireAuthorization(AccessPolicies.Admin).WithTags("API keys");
        api.MapGet("/", (HttpContext http, ApiKeyStore keys, CancellationToken ct) => keys.ListAsync(DeskUser.From(http.User).TenantId, ct));
        api.MapPost("/", async (ApiKeyRequest request, HttpContext http, ApiKeyStore keys, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            try
            {
                var (info, key) = await keys.CreateAsync(user.TenantId, request.Name, request.Role, user.Name, ct);
                return Results.Created($"/api/v1/apikeys/{info.Id}", new { info.Id, info.Name, info.Role, info.TenantId, info.CreatedAt, Key = key });
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });
        api.MapPost("/{id:long}/revoke", async (long id, HttpContext http, ApiKeyStore keys, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            return await keys.RevokeAsync(user.TenantId, id, user.Name, ct) is { } info ? Results.Ok(info) : Results.NotFound();
        });
        return app;
    }
}

/// <summary>A key to issue: what it is for and its role; the company is the admin's own.</summary>
internal sealed record ApiKeyRequest(string Name, string Role);

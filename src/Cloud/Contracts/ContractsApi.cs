using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Contracts;

internal static class ContractsApi
{
    public static IServiceCollection AddContracts(this IServiceCollection services) => services.AddSingleton<ContractService>();

    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/contracts").RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/", (string? siteId, HttpContext http, ContractService book, CancellationToken ct) => book.ListAsync(DeskUser.From(http.User).TenantId, siteId, ct));
        api.MapPost("/", async (ContractRequest request, HttpContext http, ContractService book, CancellationToken ct) =>
        {
            try
            {
                var saved = await book.AddAsync(DeskUser.From(http.User).TenantId, request.ToContract(), ct);
                return Results.Created($"/api/v1/contracts/{saved.Id}", saved);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: 404);
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });

        // New terms apply to the site's next ticket at once: the SLA engine reads the contract in force when a ticket opens.
        api.MapPut("/{id:long}", async (long id, ContractRequest change, HttpContext http, ContractService book, CancellationToken ct) =>
        {
            try
            {
                return await book.UpdateAsync(DeskUser.From(http.User).TenantId, id, change.ToContract(), ct) is { } saved ? Results.Ok(saved) : Results.NotFound();
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });
        return app;
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Inventory;

internal static class InventoryApi
{
    public static IServiceCollection AddInventory(this IServiceCollection services) => services.AddSingleton<InventoryStore>();

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/sites/{siteId}").RequireAuthorization(AccessPolicies.Staff);

        // Every route here names a site: another company's site answers 404 before any handler runs (docs/security.md, "Tenants").
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var siteId = http.Request.RouteValues["siteId"] as string;
            await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync(http.RequestAborted);
            return await db.IsSiteOfAsync(DeskUser.From(http.User).TenantId, siteId, http.RequestAborted) ? await next(context) : Results.NotFound();
        });

        api.MapPut("/config", async (string siteId, SiteConfig config, InventoryStore store, CancellationToken ct) =>
        {
            if (config.SiteId != siteId || config.Schema != SiteConfig.SchemaV1)
            {
                return Results.Problem($"The config must be {SiteConfig.SchemaV1} for site '{siteId}'.", statusCode: 400);
            }

            try
            {
                return Results.Ok(await store.ApplyConfigAsync(config, ct));
            }
            catch (InventoryException ex)
            {
                return Results.Problem(ex.Message, statusCode: 409);
            }
        });

        api.MapGet("/config", async (string siteId, InventoryStore store, CancellationToken ct) =>
            await store.ConfigAsync(siteId, ct) is { } config ? Results.Ok(config) : Results.NotFound());

        api.MapGet("/inventory", (string siteId, InventoryStore store, CancellationToken ct) => store.DevicesAsync(siteId, ct));

        api.MapPut("/inventory/{deviceId}/warranty", async (string siteId, string deviceId, WarrantyDates dates, InventoryStore store, CancellationToken ct) =>
            await store.SetWarrantyAsync(siteId, deviceId, dates.WarrantyUntil, dates.MainPartsWarrantyUntil, ct) ? Results.NoContent() : Results.NotFound());

        return app;
    }
}

internal sealed record WarrantyDates(DateOnly? WarrantyUntil, DateOnly? MainPartsWarrantyUntil);

using AfterSales.Cloud.Auth;
using AfterSales.Protocol.Contracts;

namespace AfterSales.Cloud.Inventory;

internal static class InventoryApi
{
    public static IServiceCollection AddInventory(this IServiceCollection services) => services.AddSingleton<InventoryStore>();

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/sites/{siteId}").RequireAuthorization(AccessPolicies.Staff);

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

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;

namespace AfterSales.Cloud.Api;

/// <summary>
/// The admin's service zones (role admin, the admin's own centres): upload a centre's zones as a GeoJSON
/// FeatureCollection, take them away, and preview which zone a coordinate falls in
/// (docs/service-rules.md §7.4). Another company's centre is answered 404.
/// </summary>
internal static class ZoneAdminApi
{
    public static IEndpointRouteBuilder MapZoneAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessPolicies.Admin).WithTags("Administration");
        api.MapGet("/zones", async (HttpContext http, CentreZoneStore store, CancellationToken ct) =>
            (await store.ListAsync(Tenant(http), ct)).Select(z => new ZoneView(z.CentreId, z.Zone, z.Label, z.ArrivalHours, z.UploadedAt)));
        api.MapPut("/centres/{id}/zones", async (string id, HttpRequest request, CentreZoneStore store, CancellationToken ct) =>
        {
            try
            {
                var text = await ReadAsync(request, ct);
                return await store.UploadAsync(Tenant(request.HttpContext), id, text, ct) is { } zones
                    ? Results.Ok(zones.Select(z => new ZoneView(z.CentreId, z.Zone, z.Label, z.ArrivalHours, z.UploadedAt)))
                    : Results.NotFound();
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        }).Accepts<string>("application/geo+json", "application/json");
        api.MapDelete("/centres/{id}/zones", async (string id, HttpContext http, CentreZoneStore store, CancellationToken ct) =>
            await store.RemoveAsync(Tenant(http), id, ct) ? Results.NoContent() : Results.NotFound());
        api.MapGet("/zones/preview", async (double latitude, double longitude, HttpContext http, ZonePreviewService preview, CancellationToken ct) =>
        {
            try
            {
                var a = await preview.PreviewAsync(Tenant(http), latitude, longitude, ct);
                return Results.Ok(new PreviewView(a.CentreId, a.Zone, a.DistanceKm, a.ArrivalWithin?.TotalHours, a.NeedsHuman, a.Explanation));
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });
        return app;
    }

    /// <summary>The uploaded file, refused past the size the rules allow instead of read into memory whole.</summary>
    private static async Task<string> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[ZoneUploadRules.MaxCharacters + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return new string(buffer, 0, read);
    }

    private static string Tenant(HttpContext http) => DeskUser.From(http.User).TenantId;

    internal sealed record ZoneView(string CentreId, string Zone, string? Label, double ArrivalHours, DateTimeOffset UploadedAt);

    internal sealed record PreviewView(string? CentreId, string Zone, double? DistanceKm, double? ArrivalHours, bool NeedsHuman, string Explanation);
}

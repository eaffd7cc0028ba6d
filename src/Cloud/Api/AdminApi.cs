using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Api;

/// <summary>
/// The admin's set-up of centres, sites and gateways (role admin, the admin's own tenant); each change
/// applies at once, without a restart (docs/cloud.md, "Administration").
/// </summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessPolicies.Admin).WithTags("Administration");
        api.MapGet("/centres", (HttpContext http, SiteAdminStore store, CancellationToken ct) => store.CentresAsync(Tenant(http), ct));
        api.MapPut("/centres/{id}", (string id, CentreBody centre, HttpContext http, SiteAdminStore store, CancellationToken ct) =>
            Refusing(async () => Results.Ok(await store.SaveCentreAsync(Tenant(http), new ServiceCentre { Id = id, Name = centre.Name ?? string.Empty, Latitude = centre.Latitude, Longitude = centre.Longitude }, ct))));
        api.MapGet("/sites", (HttpContext http, SiteAdminStore store, CancellationToken ct) => store.SitesAsync(Tenant(http), ct));
        api.MapPut("/sites/{id}", (string id, SiteBody site, HttpContext http, SiteAdminStore store, CancellationToken ct) =>
            Refusing(async () => Results.Ok(await store.SaveSiteAsync(Tenant(http), new Site
            {
                Id = id, Name = site.Name ?? string.Empty, Customer = site.Customer, Address = site.Address, ContactPhone = site.ContactPhone,
                Latitude = site.Latitude, Longitude = site.Longitude, ContractArrivalHours = site.ContractArrivalHours,
            }, ct))));
        api.MapGet("/gateways", async (HttpContext http, SiteAdminStore store, CancellationToken ct) =>
            (await store.GatewaysAsync(Tenant(http), ct)).Select(g => new GatewayView(g.Id, g.SiteId, g.EnrolledAt, g.EnrolmentExpiresAt, g.LastSeenAt)));
        api.MapPost("/gateways", (NewGateway body, HttpContext http, SiteAdminStore store, IOptions<EnrolmentOptions> options, CancellationToken ct) =>
            Refusing(async () =>
            {
                var token = await store.AddGatewayAsync(Tenant(http), body.Id ?? string.Empty, body.SiteId ?? string.Empty, options.Value.TokenValidHours, ct);
                return Results.Created($"/api/v1/admin/gateways/{body.Id}", new EnrolmentToken(body.Id!, token, EnrolCommand.For(http, token)));
            }));
        api.MapPost("/gateways/{id}/token", (string id, HttpContext http, SiteAdminStore store, IOptions<EnrolmentOptions> options, CancellationToken ct) =>
            Refusing(async () => await store.NewTokenAsync(Tenant(http), id, options.Value.TokenValidHours, ct) is { } token
                ? Results.Ok(new EnrolmentToken(id, token, EnrolCommand.For(http, token)))
                : Results.NotFound()));
        api.MapDelete("/gateways/{id}", async (string id, HttpContext http, SiteAdminStore store, CancellationToken ct) =>
            await store.RemoveGatewayAsync(Tenant(http), id, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    private static string Tenant(HttpContext http) => DeskUser.From(http.User).TenantId;

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

    internal sealed record NewGateway(string? Id, string? SiteId);

    internal sealed record CentreBody(string? Name, double Latitude, double Longitude);

    internal sealed record SiteBody(string? Name, string? Customer, string? Address, string? ContactPhone, double Latitude, double Longitude, double? ContractArrivalHours);

    internal sealed record GatewayView(string Id, string SiteId, DateTimeOffset? EnrolledAt, DateTimeOffset? TokenExpiresAt, DateTimeOffset? LastSeenAt);

    internal sealed record EnrolmentToken(string GatewayId, string Token, string Command);
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Notifications;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Api;

/// <summary>
/// The link in a job notice, the technician's push subscription, and the channel choices for
/// integrations (docs/service-rules.md §7).
/// </summary>
internal static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        // Open to anyone holding the link (like the survey link): the token only records "opened" and
        // leads to a page that asks for sign-in itself.
        app.MapGet("/n/{token}", async (string token, NotificationService notices, CancellationToken ct) =>
            await notices.OpenAsync(token, ct) is { } path ? Results.LocalRedirect(path) : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();

        var technician = app.MapGroup("/api/v1/push").RequireAuthorization(AccessPolicies.Technician).WithTags("Notifications");
        technician.MapGet("/key", (IOptions<NotificationOptions> options) =>
            options.Value.WebPush.PublicKey is { Length: > 0 } key ? Results.Ok(new { publicKey = key }) : Results.Problem("Web Push is not configured (Notifications:WebPush).", statusCode: 503))
            .WithSummary("The VAPID public key a browser subscribes with");
        technician.MapPost("/subscribe", async (HttpContext http, NotificationRouteStore routes, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            using var reader = new StreamReader(http.Request.Body);
            var json = await reader.ReadToEndAsync(ct);
            try
            {
                // Every kind: a phone that subscribed wants what its technician is sent.
                var route = await routes.AddAsync(user.TenantId, Recipients.Technician(user.TechnicianId!), null, NotificationChannel.WebPush, json, null, ct);
                return Results.Ok(new { route.Id });
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).WithSummary("This phone's push subscription (PushSubscription.toJSON()); job notices are pushed to it");

        var staff = app.MapGroup("/api/v1/notifications").RequireAuthorization(AccessPolicies.Staff).WithTags("Notifications");
        // Each company sees and routes its own messages only (docs/security.md, "Tenants").
        staff.MapGet("/", async (long? ticketId, HttpContext http, NotificationRouteStore store, CancellationToken ct) =>
            (await store.RecentAsync(DeskUser.From(http.User).TenantId, ticketId, 200, ct)).Select(n => new
            {
                n.Id, n.CreatedAt, n.Recipient, Kind = n.Kind.ToString(), n.TicketId, n.Message, Status = n.Status.ToString(), n.SentAt, n.OpenedAt, n.LastError,
                Deliveries = n.Deliveries.Select(d => new { Channel = d.Channel.ToString(), Status = d.Status.ToString(), d.Attempts, d.SentAt, d.LastError }),
            })).WithSummary("The latest messages with each channel's outcome");
        staff.MapGet("/routes", async (string? recipient, HttpContext http, NotificationRouteStore store, CancellationToken ct) =>
            (await store.RoutesAsync(DeskUser.From(http.User).TenantId, recipient, ct)).Select(r => new { r.Id, r.Recipient, Kind = r.Kind?.ToString(), Channel = r.Channel.ToString(), r.Address, Signed = r.Secret != null }));
        staff.MapPost("/routes", async (RouteRequest body, HttpContext http, NotificationRouteStore store, CancellationToken ct) =>
        {
            try
            {
                var route = await store.AddAsync(DeskUser.From(http.User).TenantId, body.Recipient, body.Kind, body.Channel, body.Address, body.Secret, ct);
                return Results.Ok(new { route.Id });
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).WithSummary("Send one kind of message (or every kind, without one) to a person through a channel");
        staff.MapDelete("/routes/{id:long}", async (long id, HttpContext http, NotificationRouteStore store, CancellationToken ct) =>
            await store.RemoveAsync(DeskUser.From(http.User).TenantId, id, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    internal sealed record RouteRequest(string Recipient, NoticeKind? Kind, NotificationChannel Channel, string Address, string? Secret);
}

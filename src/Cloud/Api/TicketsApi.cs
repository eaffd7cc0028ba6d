using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Api;

internal static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Tickets");

        api.MapGet("/tickets", (HttpContext http, TicketQueryService tickets, string? site, string? zone, FaultSeverity? severity, string? technician, CancellationToken ct) =>
            tickets.OpenAsync(DeskUser.From(http.User), new TicketFilter(site, zone, severity, technician), ct))
            .WithSummary("Open tickets the caller may see, most urgent first");

        api.MapGet("/tickets/{id:long}", async (long id, HttpContext http, TicketQueryService tickets, CancellationToken ct) =>
            await tickets.FindAsync(id, DeskUser.From(http.User), ct) is { } ticket ? Results.Ok(ticket) : Results.NotFound());

        api.MapGet("/tickets/{id:long}/audit", async (long id, HttpContext http, TicketQueryService tickets, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            return await tickets.CanSeeAsync(id, user, ct)
                ? Results.Ok((await tickets.AuditAsync(id, user, ct)).Select(a => new { a.At, a.Actor, a.Action, a.From, a.To, a.Detail }))
                : Results.NotFound();
        }).WithSummary("Who did what to the ticket, when");

        api.MapGet("/tickets/{id:long}/occurrences", async (long id, HttpContext http, TicketQueryService tickets, IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            if (!await tickets.CanSeeAsync(id, DeskUser.From(http.User), ct))
            {
                return Results.NotFound();
            }

            await using var db = await dbs.CreateDbContextAsync(ct);
            var rows = await db.Occurrences.AsNoTracking().Where(o => o.TicketId == id).OrderBy(o => o.Id).ToListAsync(ct);
            return Results.Ok(rows.Select(o => new { o.EventId, o.State, o.OccurredAt, o.ReceivedAt, o.GatewayId, o.Seq, o.Stale }));
        }).WithSummary("The fault events behind a ticket");

        var ingest = api.MapGroup("/ingest").RequireAuthorization(AccessPolicies.Staff).WithTags("Ingest");
        // The counters add up every company's traffic, so only the operator reads them.
        ingest.MapGet("/stats", (IngestCounters counters) => new
        {
            counters.Accepted,
            counters.Duplicates,
            counters.Rejected,
            counters.RejectedBy,
        }).RequireAuthorization(AccessPolicies.Operator);

        // A rejection belongs to the company whose site its topic names; one whose topic names no known
        // site (a misconfigured or hostile client) is shown only to the operator (docs/security.md, "Tenants").
        ingest.MapGet("/rejections", async (HttpContext http, IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            await using var db = await dbs.CreateDbContextAsync(ct);
            var rows = db.RejectedMessages.AsNoTracking();
            if (user.IsOperator)
            {
                var others = db.Sites.Where(s => s.TenantId != user.TenantId).Select(s => MqttTopics.Root + "/" + s.Id + "/");
                rows = rows.Where(r => !others.Any(prefix => r.Topic.StartsWith(prefix)));
            }
            else
            {
                var mine = db.Sites.Where(s => s.TenantId == user.TenantId).Select(s => MqttTopics.Root + "/" + s.Id + "/");
                rows = rows.Where(r => mine.Any(prefix => r.Topic.StartsWith(prefix)));
            }

            return await rows.OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        });

        return app;
    }
}

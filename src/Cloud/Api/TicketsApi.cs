using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Faults;
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
        ingest.MapGet("/stats", (IngestCounters counters) => new
        {
            counters.Accepted,
            counters.Duplicates,
            counters.Rejected,
            counters.RejectedBy,
        });

        ingest.MapGet("/rejections", async (IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await db.RejectedMessages.AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        });

        return app;
    }
}

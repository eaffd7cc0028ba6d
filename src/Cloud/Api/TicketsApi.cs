using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Api;

internal static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapGet("/tickets", (TicketQueries tickets, CancellationToken ct) => tickets.OpenAsync(ct));

        api.MapGet("/tickets/{id:long}", async (long id, TicketQueries tickets, CancellationToken ct) =>
            await tickets.FindAsync(id, ct) is { } ticket ? Results.Ok(ticket) : Results.NotFound());

        api.MapGet("/tickets/{id:long}/occurrences", async (long id, IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var rows = await db.Occurrences.AsNoTracking().Where(o => o.TicketId == id).OrderBy(o => o.Id).ToListAsync(ct);
            return rows.Select(o => new { o.EventId, o.State, o.OccurredAt, o.ReceivedAt, o.GatewayId, o.Seq, o.Stale });
        });

        api.MapGet("/ingest/stats", (IngestCounters counters) => new
        {
            counters.Accepted,
            counters.Duplicates,
            counters.Rejected,
            counters.RejectedBy,
        }).RequireAuthorization(p => p.RequireRole(ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher));

        api.MapGet("/ingest/rejections", async (IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await db.RejectedMessages.AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        }).RequireAuthorization(p => p.RequireRole(ApiKeyRoles.Admin, ApiKeyRoles.Dispatcher));

        return app;
    }
}

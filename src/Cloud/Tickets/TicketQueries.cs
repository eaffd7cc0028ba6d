using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets;

/// <summary>Read side of the ticket book, shared by the API and the web page.</summary>
internal sealed class TicketQueries(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    public const string Active = "active";
    public const string Restored = "restored";
    public const string Closed = "closed";

    /// <summary>Open tickets, most urgent first: those with the least time left, then those a human must schedule.</summary>
    public async Task<IReadOnlyList<TicketView>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.ClosedAt == null)
            .Join(db.Sites, t => t.SiteId, s => s.Id, (t, s) => new { Ticket = t, SiteName = s.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows
            .Select(r => ToView(r.Ticket, r.SiteName, now))
            .OrderBy(v => v.TimeLeftSeconds ?? double.MaxValue)
            .ThenBy(v => v.OpenedAt)];
    }

    public async Task<TicketView?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == id)
            .Join(db.Sites, t => t.SiteId, s => s.Id, (t, s) => new { Ticket = t, SiteName = s.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToView(row.Ticket, row.SiteName, time.GetUtcNow());
    }

    private static TicketView ToView(Ticket t, string siteName, DateTimeOffset now) => new(
        t.Id,
        t.SiteId,
        siteName,
        t.DeviceId,
        t.DeviceKind,
        t.Fault,
        t.Severity,
        t.ClosedAt is not null ? Closed : t.RestoredAt is null ? Active : Restored,
        t.OpenedAt,
        t.RestoredAt,
        t.Zone,
        t.DistanceKm,
        t.ArrivalDueAt,
        t.ArrivalDueAt is { } due ? Math.Round((due - now).TotalSeconds) : null,
        t.NeedsHuman,
        t.RaiseCount);
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets;

/// <summary>
/// Read side of the ticket book, shared by the API and the pages. Every query is narrowed to
/// what the caller may see: their tenant; a technician only their jobs; a customer only their sites.
/// </summary>
internal sealed class TicketQueryService(IDbContextFactory<CloudDb> dbs, TimeProvider time, IOptions<SlaOptions> sla)
{
    public const string Active = "active";
    public const string Restored = "restored";
    public const string Closed = "closed";

    /// <summary>Open tickets, most urgent first: the least time left, then those a human must schedule.</summary>
    public async Task<IReadOnlyList<TicketView>> OpenAsync(DeskUser user, TicketFilter? filter, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var query = Visible(db, user).Where(r => r.Ticket.ClosedAt == null);
        if (filter is not null)
        {
            query = query
                .Where(r => filter.SiteId == null || r.Ticket.SiteId == filter.SiteId)
                .Where(r => filter.Zone == null || r.Ticket.Zone == filter.Zone)
                .Where(r => filter.Severity == null || r.Ticket.Severity == filter.Severity)
                .Where(r => filter.TechnicianId == null || r.Ticket.TechnicianId == filter.TechnicianId);
        }

        var rows = await query.ToListAsync(cancellationToken);
        var names = await TechnicianNamesAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows
            .Select(r => ToView(r.Ticket, r.Site, names, now))
            .OrderBy(v => v.TimeLeftSeconds ?? double.MaxValue)
            .ThenBy(v => v.OpenedAt)];
    }

    /// <summary>A technician's list: open jobs assigned to them plus the ones they finished in the last day.</summary>
    public async Task<IReadOnlyList<TicketView>> JobsOfAsync(DeskUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - TimeSpan.FromDays(1);
        var rows = await Visible(db, user)
            .Where(r => r.Ticket.TechnicianId == user.TechnicianId && (r.Ticket.ClosedAt == null || r.Ticket.ClosedAt > since))
            .ToListAsync(cancellationToken);
        var names = await TechnicianNamesAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows
            .Select(r => ToView(r.Ticket, r.Site, names, now))
            .OrderBy(v => TicketStateMachine.IsFinished(v.Status) || v.Status == TicketStatus.Resolved)
            .ThenBy(v => v.TimeLeftSeconds ?? double.MaxValue)];
    }

    /// <summary>Tickets closed since <paramref name="since"/> that the user may see, newest first: the customer's recent service records.</summary>
    public async Task<IReadOnlyList<TicketView>> ClosedSinceAsync(DeskUser user, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rows = await Visible(db, user).Where(r => r.Ticket.ClosedAt != null && r.Ticket.ClosedAt > since).ToListAsync(cancellationToken);
        var names = await TechnicianNamesAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        return [.. rows.OrderByDescending(r => r.Ticket.ClosedAt).Select(r => ToView(r.Ticket, r.Site, names, now))];
    }

    public async Task<TicketView?> FindAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await Visible(db, user).Where(r => r.Ticket.Id == id).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var device = await db.Set<InventoryDevice>().AsNoTracking()
            .Where(d => d.SiteId == row.Ticket.SiteId && d.DeviceId == row.Ticket.DeviceId)
            .Select(d => new { d.Model, d.Serial }).FirstOrDefaultAsync(cancellationToken);
        return ToView(row.Ticket, row.Site, await TechnicianNamesAsync(db, cancellationToken), time.GetUtcNow()) with
        {
            DeviceModel = device?.Model,
            DeviceSerial = device?.Serial,
        };
    }

    public async Task<IReadOnlyList<TicketAuditEntry>> AuditAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await Visible(db, user).AnyAsync(r => r.Ticket.Id == id, cancellationToken))
        {
            return [];
        }

        return await db.TicketAudit.AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The customer calls behind a ticket the user may see (empty otherwise), oldest first.</summary>
    public async Task<List<CustomerCall>> CallsAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, cancellationToken) is null)
        {
            return [];
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.CustomerCalls.AsNoTracking().Where(c => c.TicketId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<JobWork?> WorkAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var visit = await Visible(db, user).Where(r => r.Ticket.Id == id).Select(r => (int?)r.Ticket.Visit).SingleOrDefaultAsync(cancellationToken);
        if (visit is null)
        {
            return null;
        }

        var parts = await db.PartsUsed.AsNoTracking().Where(p => p.TicketId == id && p.Visit == visit).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var audit = await db.TicketAudit.AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var signature = await db.JobSignatures.AsNoTracking().Where(s => s.TicketId == id && s.Visit == visit)
            .Select(s => new { s.SignerName, s.SignedAt }).SingleOrDefaultAsync(cancellationToken);
        return new JobWork(parts, audit, signature?.SignerName, signature?.SignedAt);
    }

    public async Task<bool> CanSeeAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await Visible(db, user).AnyAsync(r => r.Ticket.Id == id, cancellationToken);
    }

    private static IQueryable<VisibleRow> Visible(CloudDb db, DeskUser user)
    {
        var rows = db.Tickets.AsNoTracking()
            .Join(db.Sites.AsNoTracking(), t => t.SiteId, s => s.Id, (t, s) => new VisibleRow { Ticket = t, Site = s })
            .Where(r => r.Site.TenantId == user.TenantId);
        return user.Role switch
        {
            ApiKeyRoles.Admin or ApiKeyRoles.Dispatcher => rows,
            ApiKeyRoles.Technician when user.TechnicianId is not null => rows.Where(r => r.Ticket.TechnicianId == user.TechnicianId),
            ApiKeyRoles.Customer when user.Customer is not null => rows.Where(r => r.Site.Customer == user.Customer),
            _ => rows.Where(_ => false),
        };
    }

    private static Task<Dictionary<string, string>> TechnicianNamesAsync(CloudDb db, CancellationToken cancellationToken) =>
        db.Technicians.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

    private TicketView ToView(Ticket t, Sites.Site site, Dictionary<string, string> technicians, DateTimeOffset now)
    {
        var (next, target) = SlaStanding.Next(t.ToSlaProgress());
        return new TicketView(
            t.Id,
            t.SiteId,
            site.Name,
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
            next is { } due && t.PausedAt is null ? Math.Round((due - now).TotalSeconds) : null,
            t.NeedsHuman,
            t.RaiseCount)
        {
            Status = t.Status,
            TechnicianId = t.TechnicianId,
            TechnicianName = t.TechnicianId is { } id ? technicians.GetValueOrDefault(id, id) : null,
            SiteAddress = site.Address,
            ContactPhone = site.ContactPhone,
            Customer = site.Customer,
            AcknowledgeDeadline = t.AcknowledgeDueAt,
            ResolutionDeadline = t.ResolutionDueAt,
            NextDeadline = next,
            NextTarget = target,
            SlaState = SlaStanding.State(t.ToSlaProgress(), now, sla.Value.WarningPercents),
            Intermittent = t.Intermittent,
            RepeatCount = t.RepeatCount,
            SelfRestored = t.SelfRestored,
            IncidentId = t.IncidentId,
            FollowsRootCause = t.FollowsRootCause,
            Paused = t.PausedAt is not null,
            LoanerRequired = t.LoanerRequiredAt is not null,
            Resolution = t.Resolution,
            Visit = t.Visit,
            PromisedArrivalAt = t.PromisedArrivalAt,
            ClosedAt = t.ClosedAt,
        };
    }

    private sealed class VisibleRow
    {
        public required Ticket Ticket { get; init; }

        public required Sites.Site Site { get; init; }
    }
}

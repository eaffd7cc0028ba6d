using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Parts;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Exports;

/// <summary>
/// Builds the exports of one service company (tenant): ticket history, KPIs, the parts ledger,
/// complaints and revisits. Only the tenant's sites, tickets and technicians are read; times are
/// the company's local times; headers are in the reader's language (docs/exports.md).
/// </summary>
internal sealed class ExportService(IDbContextFactory<CloudDb> dbs, KpiService kpis, TenantCalendars calendars, IStringLocalizer<Strings> T)
{
    public async Task<ExportTable> TicketsAsync(string tenantId, ExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calendar = calendars.For(tenantId);
        var (from, to) = (calendar.StartOf(query.From), calendar.StartOf(query.To.AddDays(1)));
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = await SitesAsync(db, tenantId, cancellationToken);
        var technicians = await db.Technicians.AsNoTracking().Where(t => t.TenantId == tenantId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var ids = sites.Keys.ToList();
        var tickets = (await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.SiteId)).ToListAsync(cancellationToken))
            .Where(t => t.OpenedAt >= from && t.OpenedAt < to)
            .Where(t => query.SiteId is null || t.SiteId == query.SiteId)
            .Where(t => query.Status is null || t.Status == query.Status)
            .Where(t => query.Severity is null || t.Severity == query.Severity)
            .OrderBy(t => t.OpenedAt).ThenBy(t => t.Id);
        return new ExportTable(
            T["Tickets"],
            [T["Ticket"], T["Site"], T["Site name"], T["Customer"], T["Device"], T["Fault"], T["Severity"], T["Status"], T["Zone"], T["Technician"],
             T["Opened"], T["Arrive by"], T["Arrived"], T["Resolved at"], T["Closed at"], T["Work done"]],
            [.. tickets.Select(t => new object?[]
            {
                t.Id, t.SiteId, sites[t.SiteId].Name, sites[t.SiteId].Customer, t.DeviceId, t.Fault, T[t.Severity.ToString().ToLowerInvariant()].Value,
                T[Tickets.Lifecycle.TicketStateMachine.Describe(t.Status)].Value, t.Zone, t.TechnicianId is { } id ? technicians.GetValueOrDefault(id, id) : null,
                Local(calendar, t.OpenedAt), Local(calendar, t.ArrivalDueAt), Local(calendar, t.ArrivedAt), Local(calendar, t.ResolvedAt), Local(calendar, t.ClosedAt), t.Resolution,
            })]);
    }

    public async Task<ExportTable> KpisAsync(string tenantId, DateOnly firstMonth, int months, KpiDimension by, CancellationToken cancellationToken)
    {
        var inputs = await kpis.LoadAsync(tenantId, firstMonth, months, cancellationToken);
        return new ExportTable(
            T["KPIs"],
            [T["Group"], T["Tickets"], T["On-time rate"], T["Satisfaction"], T["Complaint rate"], T["Minutes to acknowledge"], T["Minutes to arrive"], T["Minutes to restore"],
             T["First-time fix"], T["Repeat rate"], T["Inspections done"], T["Availability"]],
            [.. KpiCalculator.By(by, inputs).Select(k => new object?[]
            {
                k.Group, k.Tickets, k.OnTimeRate, k.Satisfaction, k.ComplaintRate, Minutes(k.MeanToAcknowledge), Minutes(k.MeanToArrive), Minutes(k.MeanToRestore),
                k.FirstTimeFix, k.RepeatRate, k.InspectionCompletion, k.Availability,
            })]);
    }

    /// <summary>Moves on the tenant's tickets and to or from its technicians' stock.</summary>
    public async Task<ExportTable> PartsAsync(string tenantId, ExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calendar = calendars.For(tenantId);
        var (from, to) = (calendar.StartOf(query.From), calendar.StartOf(query.To.AddDays(1)));
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var ids = (await SitesAsync(db, tenantId, cancellationToken)).Keys.ToList();
        var tickets = (await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.SiteId)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var technicians = (await db.Technicians.AsNoTracking().Where(t => t.TenantId == tenantId).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var moves = (await db.PartMoves.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => m.At >= from && m.At < to)
            .Where(m => (m.TicketId is { } t && tickets.Contains(t)) || technicians.Contains(m.From) || technicians.Contains(m.To))
            .OrderBy(m => m.At).ThenBy(m => m.Id);
        return new ExportTable(
            T["Parts ledger"],
            [T["When"], T["Move"], T["Part"], T["Qty"], T["From"], T["To"], T["Ticket"], T["Who"], T["Why"]],
            [.. moves.Select(m => new object?[] { Local(calendar, m.At), T[m.Kind.ToString()].Value, m.PartNumber, m.Quantity, m.From, m.To, m.TicketId, m.By, m.Reason })]);
    }

    public async Task<ExportTable> ComplaintsAsync(string tenantId, ExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calendar = calendars.For(tenantId);
        var (from, to) = (calendar.StartOf(query.From), calendar.StartOf(query.To.AddDays(1)));
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = await SitesAsync(db, tenantId, cancellationToken);
        var ids = sites.Keys.ToList();
        var complaints = (await db.Set<Complaint>().AsNoTracking().Where(c => ids.Contains(c.SiteId)).ToListAsync(cancellationToken))
            .Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).OrderBy(c => c.Number, StringComparer.Ordinal);
        return new ExportTable(
            T["Complaints"],
            [T["Number"], T["Site name"], T["Customer"], T["Received"], T["Cause"], T["Summary"], T["Service at fault"], T["Serious"], T["Answer by"], T["Answered"], T["Resolve by"], T["Resolved at"], T["Fix"]],
            [.. complaints.Select(c => new object?[]
            {
                c.Number, sites[c.SiteId].Name, sites[c.SiteId].Customer, Local(calendar, c.ReceivedAt), T[c.Cause.ToString()].Value, c.Summary, YesNo(c.ServiceAtFault), YesNo(c.Serious),
                Local(calendar, c.AnswerDueAt), Local(calendar, c.AnsweredAt), Local(calendar, c.ResolveDueAt), Local(calendar, c.ResolvedAt), c.Fix,
            })]);
    }

    public async Task<ExportTable> RevisitsAsync(string tenantId, ExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var calendar = calendars.For(tenantId);
        var (from, to) = (calendar.StartOf(query.From), calendar.StartOf(query.To.AddDays(1)));
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = await SitesAsync(db, tenantId, cancellationToken);
        var ids = sites.Keys.ToList();
        var revisits = (await db.Set<Revisit>().AsNoTracking().Where(r => ids.Contains(r.SiteId)).ToListAsync(cancellationToken))
            .Where(r => r.DueBy >= from && r.DueBy < to).OrderBy(r => r.DueBy).ThenBy(r => r.Id);
        return new ExportTable(
            T["Revisits"],
            [T["Ticket"], T["Site name"], T["Customer"], T["Who calls"], T["Due by"], T["Done"], T["Finding"]],
            [.. revisits.Select(r => new object?[] { r.TicketId, sites[r.SiteId].Name, sites[r.SiteId].Customer, T[r.Role.ToString()].Value, Local(calendar, r.DueBy), Local(calendar, r.DoneAt), r.Finding })]);
    }

    private static Task<Dictionary<string, Site>> SitesAsync(CloudDb db, string tenantId, CancellationToken cancellationToken) =>
        db.Sites.AsNoTracking().Where(s => s.TenantId == tenantId).ToDictionaryAsync(s => s.Id, cancellationToken);

    private static DateTimeOffset? Local(LocalCalendar calendar, DateTimeOffset? at) => at is { } a ? calendar.Local(a) : null;

    private static double? Minutes(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;

    private string YesNo(bool value) => value ? T["yes"] : T["no"];
}

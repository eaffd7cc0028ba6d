using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Inspections;

/// <summary>
/// Creates the month's inspection jobs: one per site whose contract is due that month, with its
/// checklist and telemetry of the 30 days before. Re-running adds only what is missing.
/// </summary>
internal sealed partial class InspectionPlanService(
    IDbContextFactory<CloudDb> dbs,
    IOptions<InspectionOptions> options,
    IOptions<LifecycleOptions> lifecycle,
    TenantCalendars calendars,
    Wording words,
    TimeProvider time,
    ILogger<InspectionPlanService> log)
{
    /// <summary>Plans the month for the sites of <paramref name="tenantId"/>, with that company's technicians only.</summary>
    public async Task<int> PlanAsync(string tenantId, DateOnly month, CancellationToken cancellationToken)
    {
        month = ServiceMonth.FirstOfMonth(month);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var mine = db.SiteIdsOf(tenantId);
        var contracts = await db.Contracts.AsNoTracking().Where(c => mine.Contains(c.SiteId)).ToListAsync(cancellationToken);
        var planned = await db.Set<InspectionJob>().AsNoTracking().Where(j => j.Month == month && mine.Contains(j.SiteId))
            .Select(j => new { j.SiteId, j.TechnicianId, j.ScheduledFor }).ToListAsync(cancellationToken);
        var due = contracts.Where(c => ContractRules.InspectionDue(c, month)).Select(c => c.SiteId)
            .Distinct().Except(planned.Select(p => p.SiteId)).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var sites = await db.Sites.AsNoTracking().Where(s => due.Contains(s.Id)).ToListAsync(cancellationToken);
        var centreOf = await db.Tickets.AsNoTracking().Where(t => due.Contains(t.SiteId) && t.CentreId != null)
            .GroupBy(t => t.SiteId).Select(g => new { SiteId = g.Key, CentreId = g.Max(t => t.CentreId) }).ToDictionaryAsync(x => x.SiteId, x => x.CentreId, cancellationToken);
        var today = calendars.Default.DayOf(now);
        var firstDay = today > month ? today : month;
        var slots = InspectionSchedulePlanner.Schedule(
            sites.Select(s => new SiteToInspect(s.Id, centreOf.GetValueOrDefault(s.Id))),
            await CandidatesAsync(db, tenantId, cancellationToken),
            planned.Where(p => p.TechnicianId is not null).Select(p => (p.TechnicianId!, p.ScheduledFor)),
            firstDay,
            month.AddMonths(1).AddDays(-1),
            calendars.Default);

        var devices = await db.Set<InventoryDevice>().AsNoTracking().Where(d => due.Contains(d.SiteId)).ToListAsync(cancellationToken);
        var facts = await TicketHistoryStore.LoadAsync(db, due, now.AddDays(-30), now, lifecycle.Value, cancellationToken);
        using (words.ForCompany(tenantId))
        {
            foreach (var slot in slots)
            {
                var job = InspectionJob.Plan(slot.SiteId, month, slot.TechnicianId, slot.Day, now);
                var telemetry = Telemetry(facts.Where(f => f.SiteId == slot.SiteId), now.AddDays(-30), now);
                job.Items.AddRange(ChecklistBuilder.Build(devices.Where(d => d.SiteId == slot.SiteId), telemetry, words.Text));
                db.Add(job);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogPlanned(log, slots.Count, month);
        return slots.Count;
    }

    /// <summary>
    /// The configured inspection crew when one is given, else every active technician of the company's
    /// dispatch roster. A crew member on another company's roster never inspects this company's sites;
    /// one on no roster belongs to the default company.
    /// </summary>
    private async Task<IReadOnlyList<TechnicianCandidate>> CandidatesAsync(CloudDb db, string tenantId, CancellationToken cancellationToken)
    {
        if (options.Value.Technicians.Count > 0)
        {
            var rostered = await db.Technicians.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.TenantId, cancellationToken);
            return [.. options.Value.Technicians.Where(c => rostered.GetValueOrDefault(c.Id, Auth.Tenants.Default) == tenantId)];
        }

        return await db.Technicians.AsNoTracking().Where(t => t.Active && t.TenantId == tenantId).OrderBy(t => t.Id)
            .Select(t => new TechnicianCandidate(t.Id, t.Name, null, 2)).ToListAsync(cancellationToken);
    }

    internal static Dictionary<string, DeviceTelemetry> Telemetry(IEnumerable<TicketFacts> facts, DateTimeOffset from, DateTimeOffset to) =>
        facts.Where(f => f.CountsAsDowntime && f.OpenedAt >= from)
            .GroupBy(f => f.DeviceId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new DeviceTelemetry(
                    g.Key,
                    Availability.Ratio(g.SelectMany(f => f.Outages), from, to),
                    g.Count(),
                    g.Count(f => f.Fault == AfterSales.Protocol.Faults.FaultCodes.CameraClockDrift)),
                StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {Count} inspections for {Month}")]
    private static partial void LogPlanned(ILogger logger, int count, DateOnly month);
}

using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>Gathers the site's tenant's technicians, their duty and load, and asks the planner who goes.</summary>
internal sealed class AutoDispatchService(SlaTermsPolicy terms, ServiceCentreStore centreStore, IOptions<DispatchOptions> options)
{
    // The company's technicians, centres, shifts and who has which job, read once per unit of work (a desk
    // batch dispatches many tickets). The jobs on hand are then kept up to date by Assigned, not counted again
    // for each ticket: in a storm that count was a tenth of the desk's time.
    private readonly UnitOfWorkMemo<string, Crew> _crews = new();

    public async Task<DispatchChoice> ChooseAsync(CloudDb db, Ticket ticket, Site site, DateTimeOffset now, IReadOnlySet<string> exclude, CancellationToken cancellationToken)
    {
        var (technicians, centres, shifts, jobs) = await _crews.GetOrReadAsync(db, site.TenantId, () => CrewAsync(db, site.TenantId, now, cancellationToken));
        // The ticket being dispatched is not a job on hand, even while its current technician still has it.
        var busy = jobs.Where(j => j.Key != ticket.Id).CountBy(j => j.Value).ToDictionary();

        var fresh = TimeSpan.FromMinutes(options.Value.LocationFreshMinutes);
        var candidates = technicians.Select(t => new Candidate(
            t.Id,
            t.Name,
            Skills.Parse(t.Skills),
            t.LastLatitude is { } lat && t.LastLongitude is { } lon && t.LastSeenAt is { } seen && now - seen <= fresh
                ? new GeoPoint(lat, lon)
                : TechnicianBase.Of(t, centres),
            DutyRoster.IsOnDuty(t, shifts, terms.BusinessCalendar, now),
            busy.GetValueOrDefault(t.Id)));
        return DispatchPlanner.Choose(
            Skills.For(ticket.DeviceKind),
            new GeoPoint(site.Latitude, site.Longitude),
            now,
            ticket.ArrivalDueAt,
            candidates,
            exclude,
            options.Value);
    }

    /// <summary>
    /// A job was given to a technician in this unit of work: later dispatches in it count the job as on hand. The one
    /// place that assigns (<see cref="TicketWorkflowService.AssignAsync"/>) tells this.
    /// </summary>
    public void Assigned(CloudDb db, string tenantId, long ticketId, string technicianId)
    {
        if (_crews.TryGet(db, tenantId, out var crew))
        {
            crew.Jobs[ticketId] = technicianId;
        }
    }

    private async Task<Crew> CrewAsync(CloudDb db, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var technicians = await db.Technicians.AsNoTracking().Where(t => t.TenantId == tenantId && t.Active).ToListAsync(cancellationToken);
        var ids = technicians.Select(t => t.Id).ToList();
        // The same memo the desk's zone assessment reads (one read of the company's centres per batch).
        var centres = (await centreStore.OfCompanyAsync(db, tenantId, cancellationToken)).ToDictionary(c => c.Id);
        var shifts = await db.DutyShifts.AsNoTracking().Where(s => ids.Contains(s.TechnicianId) && s.End > now).ToListAsync(cancellationToken);
        // Counted for these technicians only (by the technician index), not over every open ticket: in a storm
        // thousands are open.
        var jobs = await db.Tickets.AsNoTracking()
            .Where(t => t.TechnicianId != null && ids.Contains(t.TechnicianId) && t.ClosedAt == null)
            .Where(Ticket.Assigned)
            .ToDictionaryAsync(t => t.Id, t => t.TechnicianId!, cancellationToken);
        return new Crew(technicians, centres, shifts, jobs);
    }

    /// <param name="Jobs">Each open job on hand: ticket id → technician.</param>
    private sealed record Crew(List<Technician> Technicians, Dictionary<string, ServiceCentre> Centres, List<DutyShift> Shifts, Dictionary<long, string> Jobs);
}

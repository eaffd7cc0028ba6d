using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Faults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Pages.Desk;

internal sealed class DeskIndexModel(TicketQueryService queries, TimerQuarantineService quarantine, IDbContextFactory<CloudDb> dbs) : PageModel
{
    /// <summary>Timers that kept failing and were set aside: the dispatcher sees them and retries once the cause is fixed.</summary>
    public IReadOnlyList<QuarantinedTimer> StuckTimers { get; private set; } = [];

    public IReadOnlyList<TicketView> Tickets { get; private set; } = [];

    public TicketFilter Filter { get; private set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public IReadOnlyList<string> Zones { get; private set; } = [];

    public IReadOnlyList<Technician> Technicians { get; private set; } = [];

    public async Task OnGetAsync(string? site, string? zone, FaultSeverity? severity, string? technician, CancellationToken ct)
    {
        var user = DeskUser.From(User);
        Filter = new TicketFilter(Blank(site), Blank(zone), severity, Blank(technician));
        Tickets = await queries.OpenAsync(user, Filter, ct);
        StuckTimers = await quarantine.ListAsync(user, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        Sites = await db.Sites.AsNoTracking().Where(s => s.TenantId == user.TenantId).OrderBy(s => s.Name).ToListAsync(ct);
        Technicians = await db.Technicians.AsNoTracking().Where(t => t.TenantId == user.TenantId).OrderBy(t => t.Name).ToListAsync(ct);
        var siteIds = Sites.Select(s => s.Id).ToList();
        Zones = await db.Tickets.AsNoTracking().Where(t => siteIds.Contains(t.SiteId)).Select(t => t.Zone).Distinct().OrderBy(z => z).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryTimerAsync(long timerId, CancellationToken ct) =>
        await quarantine.RetryAsync(DeskUser.From(User), timerId, ct) ? RedirectToPage() : NotFound();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

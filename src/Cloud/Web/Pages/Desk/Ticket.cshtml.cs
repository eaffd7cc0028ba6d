using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Pages.Desk;

internal sealed class DeskTicketModel(TicketQueryService queries, JobService jobs, IDbContextFactory<CloudDb> dbs) : TicketPageModel(queries)
{
    public IReadOnlyList<Technician> Technicians { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = DeskUser.From(User);
        if (!await LoadTicketAsync(user, ct))
        {
            return NotFound();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        Technicians = await db.Technicians.AsNoTracking().Where(t => t.TenantId == user.TenantId && t.Active).OrderBy(t => t.Name).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(string technicianId, CancellationToken ct) => Act(u => jobs.ReassignAsync(Id, u, technicianId ?? string.Empty, ct));

    public Task<IActionResult> OnPostDeadlineAsync(double arrivalHours, CancellationToken ct) => Act(u => jobs.SetArrivalAsync(Id, u, arrivalHours, ct));

    public Task<IActionResult> OnPostPauseAsync(string reason, CancellationToken ct) => Act(u => jobs.PauseAsync(Id, u, reason ?? string.Empty, ct));

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) => Act(u => jobs.ResumeAsync(Id, u, ct));

    public Task<IActionResult> OnPostCancelAsync(string reason, CancellationToken ct) => Act(u => jobs.CancelAsync(Id, u, reason ?? string.Empty, ct));
}

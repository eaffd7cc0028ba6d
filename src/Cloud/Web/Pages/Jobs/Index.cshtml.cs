using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Jobs;

internal sealed class JobsIndexModel(TicketQueryService queries) : PageModel
{
    public IReadOnlyList<(TicketView View, bool ClosedOrDone)> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var jobs = await queries.JobsOfAsync(DeskUser.From(User), cancellationToken);
        Jobs = [.. jobs.Select(j => (j, TicketStateMachine.IsFinished(j.Status) || j.Status == TicketStatus.Resolved))];
    }
}

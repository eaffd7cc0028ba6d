using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>The read-only board: staff see their tenant's open tickets, customers those of their own sites.</summary>
internal sealed class TicketsModel(TicketQueryService queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<TicketView> Tickets { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Tickets = await queries.OpenAsync(DeskUser.From(User), null, cancellationToken);
    }
}

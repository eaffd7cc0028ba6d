using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages;

/// <summary>
/// What the technician's job page and the dispatcher's ticket page share: the ticket as this user may
/// see it, and one way to run an action — refused actions come back as a message, a ticket the user may
/// not see as 404, and every post ends in a redirect so a reload never repeats it.
/// </summary>
internal abstract class TicketPageModel(TicketQueryService queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public TicketView Ticket { get; private set; } = null!;

    public JobWork Work { get; private set; } = null!;

    /// <summary>The customer's calls behind the ticket: who called, the symptom, the number to call back.</summary>
    public IReadOnlyList<CustomerCall> Calls { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Loads the ticket and its work for <paramref name="user"/>; false when they may not see it.</summary>
    protected async Task<bool> LoadTicketAsync(DeskUser user, CancellationToken ct)
    {
        var ticket = await queries.FindAsync(Id, user, ct);
        var work = await queries.WorkAsync(Id, user, ct);
        if (ticket is null || work is null)
        {
            return false;
        }

        (Ticket, Work) = (ticket, work);
        Calls = await queries.CallsAsync(Id, user, ct);
        return true;
    }

    protected async Task<IActionResult> Act(Func<DeskUser, Task<bool>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            if (!await action(DeskUser.From(User)))
            {
                return NotFound();
            }
        }
        catch (Exception ex) when (ex is WorkflowRefusedException or FormatException)
        {
            Message = ex.Message;
        }

        return RedirectToPage(new { Id });
    }
}

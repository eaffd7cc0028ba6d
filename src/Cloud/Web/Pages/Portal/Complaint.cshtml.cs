using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Web.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Portal;

/// <summary>A complaint or suggestion from the customer, registered like one taken by phone (docs/service-rules.md §4.2, §4.3).</summary>
internal sealed class PortalComplaintModel(CustomerPortalService portal) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public IReadOnlyList<TicketView> Jobs { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Job { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [TempData]
    public string? Filed { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var complaint = await portal.FileComplaintAsync(DeskUser.From(User), Site, Job, Summary, ct);
            Filed = complaint.Number;
            return Redirect("/portal");
        }
        catch (PortalRefusedException ex)
        {
            Problems = ex.Problems;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = DeskUser.From(User);
        Sites = await portal.SitesAsync(user, ct);
        // A site not the customer's is not echoed back: the form only ever names the customer's own.
        Site = Sites.Any(s => s.Id == Site) ? Site : Sites.Count == 1 ? Sites[0].Id : null;
        Jobs = (await portal.OverviewAsync(user, ct)).RecentJobs.Where(j => j.SiteId == Site).ToList();
    }
}

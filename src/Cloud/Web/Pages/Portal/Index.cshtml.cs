using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Web.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Portal;

/// <summary>The customer's portal on a phone: their sites, jobs with technician and arrival time, papers to download, dates ahead, complaints.</summary>
internal sealed class PortalIndexModel(CustomerPortalService portal) : PageModel
{
    public PortalOverview Overview { get; private set; } = null!;

    public string? Customer { get; private set; }

    [TempData]
    public string? Reported { get; set; }

    [TempData]
    public string? Filed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = DeskUser.From(User);
        Customer = user.Customer;
        Overview = await portal.OverviewAsync(user, cancellationToken);
        return Page();
    }
}

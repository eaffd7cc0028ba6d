using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Cloud.Web.Portal;
using AfterSales.Protocol.Faults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Portal;

/// <summary>
/// A customer reports a fault: it opens a ticket through the same desk, SLA engine and dispatch as a
/// dispatcher's recorded call, the clock starting when the report is sent (docs/service-rules.md §2.15).
/// </summary>
internal sealed class PortalReportModel(CustomerPortalService portal, CustomerCallService calls) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public IReadOnlyList<InventoryDevice> Devices { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    [BindProperty]
    public string? Device { get; set; }

    [BindProperty]
    public DeviceKind? Kind { get; set; }

    [BindProperty]
    public string? Symptom { get; set; }

    [BindProperty]
    public string? Caller { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool Urgent { get; set; }

    /// <summary>Shown on the portal after the redirect: the job the report opened or joined.</summary>
    [TempData]
    public string? Reported { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = DeskUser.From(User);
        try
        {
            // The customer cannot date a report back: the service records it as sent now (CustomerCallRules.CalledAt).
            var form = new CustomerCallForm(Site, string.IsNullOrWhiteSpace(Device) ? null : Device, Kind, Urgent ? FaultSeverity.Critical : FaultSeverity.Major, Symptom, Caller, Phone);
            var id = await calls.RecordAsync(form, user, ct);
            Reported = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Redirect("/portal");
        }
        catch (CallRefusedException ex)
        {
            // Nothing was stored: the form comes back with what was typed and every problem listed.
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
        Devices = await portal.DevicesAsync(user, Site, ct);
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Faults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Web.Pages.Desk;

/// <summary>The dispatcher records a customer's call; it opens a ticket like a gateway's fault (docs/service-rules.md §2.15).</summary>
internal sealed class DeskCallModel(CustomerCallService calls, IDbContextFactory<CloudDb> dbs) : PageModel
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
    public FaultSeverity Severity { get; set; } = FaultSeverity.Major;

    [BindProperty]
    public string? Symptom { get; set; }

    [BindProperty]
    public string? Caller { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public int MinutesAgo { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var id = await calls.RecordAsync(new CustomerCallForm(Site, Blank(Device), Kind, Severity, Symptom, Caller, Phone, MinutesAgo), DeskUser.From(User), ct);
            return Redirect($"/desk/{id}");
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
        var tenant = DeskUser.From(User).TenantId;
        await using var db = await dbs.CreateDbContextAsync(ct);
        Sites = await db.Sites.AsNoTracking().Where(s => s.TenantId == tenant).OrderBy(s => s.Name).ToListAsync(ct);
        Devices = Site is null ? [] : await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId == Site).OrderBy(d => d.DeviceId).ToListAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

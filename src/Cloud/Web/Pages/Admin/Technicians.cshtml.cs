using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>Technicians of the admin's company: add or change one (skills, home centre, active); the next dispatch uses it.</summary>
internal sealed class TechniciansModel(TechnicianAdminStore store, SiteAdminStore sites) : PageModel
{
    public IReadOnlyList<Technician> Technicians { get; private set; } = [];

    public IReadOnlyList<ServiceCentre> Centres { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    /// <summary>The technician whose details fill the form (?edit=id), for a change.</summary>
    public Technician? Editing { get; private set; }

    public async Task OnGetAsync(string? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        Editing = Technicians.FirstOrDefault(t => t.Id == edit);
    }

    public async Task OnPostAsync(string id, string name, string? phone, string[]? skills, string homeCentreId, bool active, bool worksBusinessHours, CancellationToken ct)
    {
        try
        {
            var saved = await store.SaveAsync(Tenant, new TechnicianDraft(id ?? string.Empty, name ?? string.Empty, phone, skills ?? [], homeCentreId ?? string.Empty, active, worksBusinessHours), ct);
            Saved = saved.Name;
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
    }

    private string Tenant => DeskUser.From(User).TenantId;

    private async Task LoadAsync(CancellationToken ct)
    {
        Technicians = await store.ListAsync(Tenant, ct);
        Centres = await sites.CentresAsync(Tenant, ct);
    }
}

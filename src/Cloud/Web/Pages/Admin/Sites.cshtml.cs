using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>Service centres and sites of the admin's company: add or change one; the next fault uses it.</summary>
internal sealed class SitesModel(SiteAdminStore store) : PageModel
{
    public IReadOnlyList<ServiceCentre> Centres { get; private set; } = [];

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task OnPostCentreAsync(string id, string name, double latitude, double longitude, CancellationToken ct) =>
        SaveAsync(() => store.SaveCentreAsync(Tenant, new ServiceCentre { Id = id?.Trim() ?? string.Empty, Name = name ?? string.Empty, Latitude = latitude, Longitude = longitude }, ct), $"Centre {id} saved.", ct);

    public Task OnPostSiteAsync(string id, string name, string? customer, string? address, string? contactPhone, double latitude, double longitude, double? contractArrivalHours, CancellationToken ct) =>
        SaveAsync(
            () => store.SaveSiteAsync(Tenant, new Site { Id = id?.Trim() ?? string.Empty, Name = name ?? string.Empty, Customer = customer, Address = address, ContactPhone = contactPhone, Latitude = latitude, Longitude = longitude, ContractArrivalHours = contractArrivalHours }, ct),
            $"Site {id} saved.",
            ct);

    private string Tenant => DeskUser.From(User).TenantId;

    private async Task SaveAsync(Func<Task> save, string done, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = "Latitude, longitude and hours are numbers with a dot, e.g. 30.6574.";
        }
        else
        {
            try
            {
                await save();
                Saved = done;
            }
            catch (ArgumentException ex)
            {
                Error = ex.Message;
            }
        }

        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Centres = await store.CentresAsync(Tenant, ct);
        Sites = await store.SitesAsync(Tenant, ct);
    }
}

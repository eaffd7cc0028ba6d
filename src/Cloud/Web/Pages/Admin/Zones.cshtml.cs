using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>
/// A centre's service zones: upload them as GeoJSON (a file or pasted text), take them away, and type a
/// coordinate to see which zone and arrival time apply (docs/service-rules.md §7.4).
/// </summary>
internal sealed class ZonesModel(CentreZoneStore zones, SiteAdminStore sites, ZonePreviewService preview, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<ServiceCentre> Centres { get; private set; } = [];

    public IReadOnlyList<CentreZone> Zones { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    public ArrivalAssessment? Preview { get; private set; }

    public (double Latitude, double Longitude)? PreviewAt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(string centreId, IFormFile? file, string? geoJson, CancellationToken ct)
    {
        try
        {
            var text = geoJson;
            if (file is { Length: > 0 })
            {
                if (file.Length > ZoneUploadRules.MaxCharacters * 4L)
                {
                    throw new ArgumentException(T["The file is too large; simplify the polygons."]);
                }

                using var reader = new StreamReader(file.OpenReadStream());
                text = await reader.ReadToEndAsync(ct);
            }

            if (await zones.UploadAsync(Tenant, centreId ?? string.Empty, text, ct) is not { } saved)
            {
                return NotFound();
            }

            Saved = T["{0} zones saved for {1}; the next fault uses them.", saved.Count, centreId ?? string.Empty];
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string centreId, CancellationToken ct)
    {
        if (!await zones.RemoveAsync(Tenant, centreId ?? string.Empty, ct))
        {
            return NotFound();
        }

        Saved = T["The zones of {0} are removed; distance bands apply again.", centreId ?? string.Empty];
        await LoadAsync(ct);
        return Page();
    }

    public async Task OnPostPreviewAsync(double latitude, double longitude, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = T["Latitude and longitude are numbers with a dot, e.g. 30.6574."];
        }
        else
        {
            try
            {
                Preview = await preview.PreviewAsync(Tenant, latitude, longitude, ct);
                PreviewAt = (latitude, longitude);
            }
            catch (ArgumentException ex)
            {
                Error = ex.Message;
            }
        }

        await LoadAsync(ct);
    }

    public string CentreName(string? id) => Centres.FirstOrDefault(c => c.Id == id)?.Name ?? id ?? "—";

    public string? LabelOf(string? centreId, string zone) => Zones.FirstOrDefault(z => z.CentreId == centreId && z.Zone == zone)?.Label;

    private string Tenant => DeskUser.From(User).TenantId;

    private async Task LoadAsync(CancellationToken ct)
    {
        Centres = await sites.CentresAsync(Tenant, ct);
        Zones = await zones.ListAsync(Tenant, ct);
    }
}

using AfterSales.Cloud.Api;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>
/// Gateways of the admin's company: register one for a site and get its one-time enrolment token, as
/// text, as the command to run on the board, and as a QR code (docs/gateway.md, "Enrolment").
/// </summary>
internal sealed class GatewaysModel(SiteAdminStore store, IOptions<EnrolmentOptions> options) : PageModel
{
    public IReadOnlyList<RegisteredGateway> Gateways { get; private set; } = [];

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>Shown once, right after it was issued; only its hash is kept.</summary>
    public (string GatewayId, string Token, string Command, string Qr)? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostAddAsync(string id, string siteId, CancellationToken ct)
    {
        await IssueAsync(id?.Trim() ?? string.Empty, () => store.AddGatewayAsync(Tenant, id?.Trim() ?? string.Empty, siteId ?? string.Empty, options.Value.TokenValidHours, ct));
        await LoadAsync(ct);
    }

    public async Task OnPostTokenAsync(string id, CancellationToken ct)
    {
        await IssueAsync(id, async () => await store.NewTokenAsync(Tenant, id, options.Value.TokenValidHours, ct) ?? throw new ArgumentException($"Unknown gateway '{id}'."));
        await LoadAsync(ct);
    }

    public async Task OnPostRemoveAsync(string id, CancellationToken ct)
    {
        if (!await store.RemoveGatewayAsync(Tenant, id, ct))
        {
            Error = $"Unknown gateway '{id}'.";
        }

        await LoadAsync(ct);
    }

    private string Tenant => DeskUser.From(User).TenantId;

    private async Task IssueAsync(string id, Func<Task<string>> issue)
    {
        try
        {
            var token = await issue();
            var command = EnrolCommand.For(HttpContext, token);
            Issued = (id, token, command, EnrolCommand.QrDataUrl(command));
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Gateways = await store.GatewaysAsync(Tenant, ct);
        Sites = await store.SitesAsync(Tenant, ct);
    }
}

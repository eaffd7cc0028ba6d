using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>
/// Sites and service centres read once per desk batch instead of once per event. Lives only as long
/// as the batch's transaction, so a change an administrator saves is seen by the next batch.
/// </summary>
internal sealed class DeskReferenceStore(CloudDb db)
{
    private readonly Dictionary<string, Site> _sites = new(StringComparer.Ordinal);
    private List<ServiceCentre>? _centres;

    public async Task<Site> SiteAsync(string siteId, CancellationToken cancellationToken)
    {
        if (!_sites.TryGetValue(siteId, out var site))
        {
            site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == siteId, cancellationToken);
            _sites[siteId] = site;
        }

        return site;
    }

    public async Task<IReadOnlyList<ServiceCentre>> CentresAsync(CancellationToken cancellationToken) =>
        _centres ??= await db.ServiceCentres.AsNoTracking().ToListAsync(cancellationToken);
}

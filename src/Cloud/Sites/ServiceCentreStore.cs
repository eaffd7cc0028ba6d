using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// A company's service centres, read once per unit of work and shared by everyone in it: the desk
/// measures a new ticket's zone from them and the dispatcher places technicians at their home
/// centre, so a desk batch reads them once, not once for each. A change is seen by the next unit of work.
/// </summary>
internal sealed class ServiceCentreStore
{
    private readonly UnitOfWorkMemo<string, IReadOnlyList<ServiceCentre>> _byTenant = new();

    public Task<IReadOnlyList<ServiceCentre>> OfCompanyAsync(CloudDb db, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byTenant.GetOrReadAsync(db, tenantId, async () =>
            (IReadOnlyList<ServiceCentre>)await db.ServiceCentres.AsNoTracking().Where(c => c.TenantId == tenantId).ToListAsync(cancellationToken));
    }
}

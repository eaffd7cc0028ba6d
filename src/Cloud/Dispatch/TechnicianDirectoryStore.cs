using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Dispatch;

/// <summary>Answers Auth's question whether a technician is the company's own, from the technicians table.</summary>
internal sealed class TechnicianDirectoryStore(IDbContextFactory<CloudDb> dbs) : ITechnicianDirectory
{
    public async Task<bool> IsOwnAsync(string tenantId, string technicianId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Technicians.AnyAsync(t => t.Id == technicianId && t.TenantId == tenantId, cancellationToken);
    }
}

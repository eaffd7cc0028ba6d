using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Inspections;

/// <summary>
/// The completed inspection record as PDF for someone allowed to see it: the company's staff, the technician
/// of the visit, and the customer whose site it is (docs/people.md, "Inspection sign-off"); for anyone else,
/// and for a sheet not completed yet, null, which the routes answer as 404 (docs/security.md, "Tenants").
/// </summary>
internal sealed class InspectionSheetService(IDbContextFactory<CloudDb> dbs, TimeProvider time, IStringLocalizer<Strings> text)
{
    public async Task<byte[]?> BuildAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var sites = db.Sites.AsNoTracking().Where(s => s.TenantId == user.TenantId);
        if (user.Role == ApiKeyRoles.Customer)
        {
            // A customer sees the sheets of their own sites only; a customer user without a customer sees none.
            sites = user.Customer is { } customer ? sites.Where(s => s.Customer == customer) : sites.Where(_ => false);
        }

        var mine = sites.Select(s => s.Id);
        var job = await db.Set<InspectionJob>().AsNoTracking().Include(j => j.Items)
            .SingleOrDefaultAsync(j => j.Id == id && j.CompletedAt != null && mine.Contains(j.SiteId), cancellationToken);
        if (job is null || (user.Role == ApiKeyRoles.Technician && job.TechnicianId != user.TechnicianId))
        {
            return null;
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == job.SiteId, cancellationToken);
        var technician = job.TechnicianId is null ? null
            : await db.Technicians.AsNoTracking().Where(t => t.Id == job.TechnicianId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        return InspectionSheetPdf.Render(new InspectionSheetData(job, site.Name, site.Customer, site.Address, technician, time.GetUtcNow()), text);
    }
}

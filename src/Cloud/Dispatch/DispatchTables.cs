using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Dispatch;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class DispatchTables
{
    extension(CloudDb db)
    {
        public DbSet<Technician> Technicians => db.Set<Technician>();

        public DbSet<DutyShift> DutyShifts => db.Set<DutyShift>();

        /// <summary>
        /// Whether the technician is on another company's roster: such an id is answered as unknown, so no
        /// record links two companies. One on no roster (a configured inspection crew) is not another's.
        /// </summary>
        public Task<bool> IsOtherCompanysTechnicianAsync(string tenantId, string? technicianId, CancellationToken cancellationToken) =>
            technicianId is null ? Task.FromResult(false) : db.Technicians.AnyAsync(t => t.Id == technicianId && t.TenantId != tenantId, cancellationToken);
    }
}

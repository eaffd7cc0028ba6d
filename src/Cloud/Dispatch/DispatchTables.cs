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
    }
}

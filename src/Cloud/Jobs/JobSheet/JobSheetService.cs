using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Jobs.JobSheet;

/// <summary>Gathers a job sheet for someone allowed to see the ticket, and renders it.</summary>
internal sealed class JobSheetService(IDbContextFactory<CloudDb> dbs, TicketQueryService tickets, TimeProvider time, IStringLocalizer<Strings> text)
{
    public async Task<byte[]?> BuildAsync(long id, DeskUser user, CancellationToken cancellationToken)
    {
        if (!await tickets.CanSeeAsync(id, user, cancellationToken))
        {
            return null;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == ticket.SiteId, cancellationToken);
        var technician = ticket.TechnicianId is null ? null : await db.Technicians.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticket.TechnicianId, cancellationToken);
        var parts = await db.PartsUsed.AsNoTracking().Where(p => p.TicketId == id && p.Visit == ticket.Visit).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var notes = await db.TicketAudit.AsNoTracking().Where(a => a.TicketId == id && a.Action == "note").OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var signature = await db.JobSignatures.AsNoTracking().SingleOrDefaultAsync(s => s.TicketId == id && s.Visit == ticket.Visit, cancellationToken);
        var device = await db.Set<InventoryDevice>().AsNoTracking().FirstOrDefaultAsync(d => d.SiteId == ticket.SiteId && d.DeviceId == ticket.DeviceId, cancellationToken);
        return JobSheetPdf.Render(new JobSheetData(
            ticket, site.Name, site.Customer, site.Address, site.ContactPhone, technician?.Name, parts, notes, signature, time.GetUtcNow(), device?.Model, device?.Serial), text);
    }
}

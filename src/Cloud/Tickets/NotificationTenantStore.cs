using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;

namespace AfterSales.Cloud.Tickets;

/// <summary>
/// Tells the notifications which service company a message belongs to: its ticket's site's, else the customer's
/// site's or the technician's (docs/security.md, "Tenants"). Tickets carry no company of their own; their site does.
/// Reads through the caller's unit of work first, so a ticket or site added in the same change counts.
/// </summary>
/// <remarks>
/// Sites come through <see cref="SiteStore"/>, once per unit of work: a desk batch sends several notices
/// per ticket (offer, escalation to supervisor and dispatcher) and has read its sites already.
/// </remarks>
internal sealed class NotificationTenantStore(SiteStore sites) : INotificationTenantStore
{
    public string TenantOf(CloudDb db, string recipient, long? ticketId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        var siteId = ticketId is { } id
            ? db.Tracked<Ticket>().Find(t => t.Id == id)?.SiteId ?? db.Tickets.Where(t => t.Id == id).Select(t => t.SiteId).FirstOrDefault()
            : null;
        siteId ??= Recipients.CustomerSiteId(recipient);
        if (siteId is not null
            && (db.Tracked<Site>().Find(s => s.Id == siteId)?.TenantId ?? sites.Find(db, siteId)?.TenantId) is { } siteTenant)
        {
            return siteTenant;
        }

        if (Recipients.TechnicianId(recipient) is { } technicianId
            && (db.Tracked<Technician>().Find(t => t.Id == technicianId)?.TenantId ?? db.Technicians.Where(t => t.Id == technicianId).Select(t => t.TenantId).FirstOrDefault()) is { } technicianTenant)
        {
            return technicianTenant;
        }

        return Tenants.Default;
    }
}

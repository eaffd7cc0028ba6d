using AfterSales.Cloud.Storage;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// Which service company a message belongs to. Messages name a ticket, a site's customer or a technician,
/// which this module does not know; the service desk, which does, implements it (docs/security.md, "Tenants").
/// </summary>
public interface INotificationTenantStore
{
    /// <summary>
    /// The company of <paramref name="ticketId"/>'s site, else of the customer's site or technician named by
    /// <paramref name="recipient"/>, read through <paramref name="db"/> (the caller's unit of work, so a ticket
    /// added but not yet saved counts); the default company when none is known.
    /// </summary>
    string TenantOf(CloudDb db, string recipient, long? ticketId);
}

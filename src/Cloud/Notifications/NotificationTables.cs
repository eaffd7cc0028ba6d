using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Notifications;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class NotificationTables
{
    extension(CloudDb db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();

        public DbSet<NotificationDelivery> NotificationDeliveries => db.Set<NotificationDelivery>();

        public DbSet<NotificationRoute> NotificationRoutes => db.Set<NotificationRoute>();
    }
}

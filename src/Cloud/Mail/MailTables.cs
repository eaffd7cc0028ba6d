using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Mail;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class MailTables
{
    extension(CloudDb db)
    {
        public DbSet<QueuedMail> MailQueue => db.Set<QueuedMail>();
    }
}

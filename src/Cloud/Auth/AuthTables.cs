using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Auth;

/// <summary>The tables this module owns, as <c>db.Name</c> on the shared context (the context itself names no module's entities).</summary>
internal static class AuthTables
{
    extension(CloudDb db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();

        public DbSet<UserAccount> Users => db.Set<UserAccount>();
    }
}

using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>A context factory over a test's own database, for the services that take one.</summary>
internal sealed class FuncDbFactory(Func<CloudDb> create) : IDbContextFactory<CloudDb>
{
    public CloudDb CreateDbContext() => create();
}

using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Storage;

/// <summary>Hands out the configured engine's context as the common <see cref="CloudDb"/>.</summary>
internal sealed class CloudDbFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CloudDb>
    where TContext : CloudDb
{
    public CloudDb CreateDbContext() => inner.CreateDbContext();
}

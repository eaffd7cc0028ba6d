using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Storage;

/// <summary>
/// The cloud's data context. Each engine has its own subclass so each keeps its own migrations
/// (SQL differs: partial indexes, timestamp types). The context names no entity: each module owns
/// its entities, their mapping (an <see cref="IEntityTypeConfiguration{TEntity}"/>) and its table
/// accessors, so storage sits below every module and depends on none.
/// </summary>
public abstract class CloudDb(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CloudDb).Assembly);
    }
}

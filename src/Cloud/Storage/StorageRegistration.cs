using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Storage;

internal static class StorageRegistration
{
    /// <summary>Registers <see cref="CloudDb"/> as the engine the configuration names.</summary>
    public static IServiceCollection AddCloudStorage(this IServiceCollection services, DatabaseOptions options)
    {
        switch (options.Provider.ToUpperInvariant())
        {
            case "SQLITE":
                var statements = new SqliteStatementReuse();
                services.AddDbContextFactory<SqliteCloudDb>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(statements, new SqliteBusyWait()));
                services.AddSingleton<IDbContextFactory<CloudDb>, CloudDbFactory<SqliteCloudDb>>();
                break;
            case "POSTGRES" or "POSTGRESQL":
                services.AddDbContextFactory<PostgresCloudDb>(o => o.UseNpgsql(options.ConnectionString));
                services.AddSingleton<IDbContextFactory<CloudDb>, CloudDbFactory<PostgresCloudDb>>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider is '{options.Provider}'; use 'sqlite' or 'postgres'.");
        }

        return services;
    }
}

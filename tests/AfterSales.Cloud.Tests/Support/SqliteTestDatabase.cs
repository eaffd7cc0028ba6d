using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>A migrated SQLite database in a temp file, deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : IDbContextFactory<CloudDb>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aftersales-test-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<SqliteCloudDb> _options;

    private SqliteTestDatabase() => _options = new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite($"Data Source={_file};Pooling=False").Options;

    public static async Task<SqliteTestDatabase> CreateAsync(bool migrate = true)
    {
        var database = new SqliteTestDatabase();
        if (migrate)
        {
            await using var db = database.CreateDbContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public CloudDb CreateDbContext() => new SqliteCloudDb(_options);

    public void Dispose() => File.Delete(_file);
}

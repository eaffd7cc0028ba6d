using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Cloud.Tests.Storage;

/// <summary>
/// Every SQLite connection the cloud opens, to its database and to the inbox file beside it, lets SQLite
/// wait for a locked database (SqliteBusyWait): otherwise Microsoft.Data.Sqlite sleeps 150 ms at each
/// meeting of two writers, however short the other's hold.
/// </summary>
public sealed class SqliteBusyWaitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aftersales-busy-").FullName;

    [Fact]
    public async Task CloudDatabaseAndInboxFile_WaitForALockForTheCommandTimeout()
    {
        var options = new DatabaseOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(_dir, "cloud.db")}" };
        var dbs = new ServiceCollection().AddCloudStorage(options).BuildServiceProvider().GetRequiredService<IDbContextFactory<CloudDb>>();
        await using (var migrate = await dbs.CreateDbContextAsync())
        {
            await migrate.Database.MigrateAsync();
        }

        var inbox = new InboxStore(dbs, options, NullLogger<InboxStore>.Instance);
        await inbox.PrepareAsync(CancellationToken.None);

        await using var cloud = await dbs.CreateDbContextAsync();
        await using var inboxFile = inbox.OpenDb();
        Assert.Equal(30_000, await BusyTimeoutAsync(cloud));
        Assert.Equal(30_000, await BusyTimeoutAsync(inboxFile));
    }

    private static async Task<long> BusyTimeoutAsync(CloudDb db)
    {
        await db.Database.OpenConnectionAsync();
        await using var pragma = db.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout;";
        return (long)(await pragma.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}

using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Storage;

/// <summary>
/// The cloud's SQLite contexts keep compiled statements per open connection (SqliteStatementReuse):
/// a statement run again must see its new parameters, and a context whose connection went back to the
/// pool and was opened again must compile its statements again, on the connection it now holds.
/// </summary>
public sealed class SqliteStatementReuseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aftersales-statements-").FullName;

    [Fact]
    public async Task SameQueryAgainInOneTransaction_AnswersForEachNewParameter()
    {
        var dbs = await MigratedAsync();
        await using var db = await dbs.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var n in Enumerable.Range(1, 5))
        {
            db.Sites.Add(new Site { Id = $"site-{n}", Name = $"Site {n}", TenantId = "acme" });
            await db.SaveChangesAsync();
        }

        foreach (var n in new[] { 3, 1, 5, 2, 4, 3 })
        {
            var id = $"site-{n}";
            Assert.Equal($"Site {n}", await db.Sites.Where(s => s.Id == id).Select(s => s.Name).SingleAsync());
        }

        await transaction.CommitAsync();
    }

    [Fact]
    public async Task ContextReopensItsConnection_StatementsRunOnItsOwnNotOnTheOneItHandedBack()
    {
        var dbs = await MigratedAsync();
        await using var reader = await dbs.CreateDbContextAsync();
        await using var writer = await dbs.CreateDbContextAsync();
        Assert.Equal(0, await reader.Sites.CountAsync());

        // The reader's connection went back to the pool; the writer takes it and writes without committing.
        await using (var transaction = await writer.Database.BeginTransactionAsync())
        {
            writer.Sites.Add(new Site { Id = "site-1", Name = "Site 1", TenantId = "acme" });
            await writer.SaveChangesAsync();

            // A statement compiled on the reader's earlier connection would run inside the writer's transaction.
            Assert.Equal(0, await reader.Sites.CountAsync());
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await reader.Sites.CountAsync());
    }

    private async Task<IDbContextFactory<CloudDb>> MigratedAsync()
    {
        var services = new ServiceCollection()
            .AddCloudStorage(new DatabaseOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(_dir, "cloud.db")}" })
            .BuildServiceProvider();
        var dbs = services.GetRequiredService<IDbContextFactory<CloudDb>>();
        await using var db = await dbs.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return dbs;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}

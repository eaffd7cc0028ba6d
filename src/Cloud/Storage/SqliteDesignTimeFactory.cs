using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AfterSales.Cloud.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build each engine's context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCloudDb>
{
    public SqliteCloudDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCloudDb>().UseSqlite("Data Source=design.db").Options);
}

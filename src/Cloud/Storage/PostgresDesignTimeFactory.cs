using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AfterSales.Cloud.Storage;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCloudDb>
{
    public PostgresCloudDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCloudDb>().UseNpgsql("Host=localhost;Database=design").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Cloud.Storage;

public sealed class SqliteCloudDb(DbContextOptions<SqliteCloudDb> options) : CloudDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no timestamp type; as text, DateTimeOffset cannot be compared or ordered in SQL.
        // The binary form is a sortable integer for UTC values, which is all we store.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

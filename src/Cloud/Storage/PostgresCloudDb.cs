using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Storage;

public sealed class PostgresCloudDb(DbContextOptions<PostgresCloudDb> options) : CloudDb(options);

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Cloud.Storage;

/// <summary>
/// Lets SQLite itself wait for the write lock. Microsoft.Data.Sqlite retries a locked database by
/// sleeping 150 ms between tries, so a writer that finds the lock taken — the desk's batch behind a
/// timer or notification pass — sleeps long after the lock is free; in a storm a CPU profile put a
/// tenth of the desk's time in that sleep. SQLite's own busy handler retries within a few
/// milliseconds. The limit stays the command timeout (30 s), after which the library's loop gives up.
/// </summary>
internal sealed class SqliteLockWaitHandler : DbConnectionInterceptor
{
    private const string WaitForLock = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = WaitForLock;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = WaitForLock;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

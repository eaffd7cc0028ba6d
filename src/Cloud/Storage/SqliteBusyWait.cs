using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Cloud.Storage;

/// <summary>
/// Lets SQLite itself wait for a locked database. Without a busy timeout SQLite answers "busy" at
/// once and Microsoft.Data.Sqlite sleeps 150 ms before it tries again, however short the other
/// writer's hold: a technician's button, a firing timer or the notification router that met one of the
/// desk's transactions slept 150 ms, and the desk as long when it met them (16 % of its thread in a
/// traced storm, 2 % with this; docs/benchmarks.md). SQLite's busy handler tries again after 1, 2, 5,
/// 10 … ms instead, up to the connection's command timeout, after which Microsoft.Data.Sqlite gives up
/// as before.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => WaitWhenBusy(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite's work is synchronous whatever the call.
        WaitWhenBusy(connection);
        return Task.CompletedTask;
    }

    private static void WaitWhenBusy(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var pragma = sqlite.CreateCommand();
        pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {sqlite.DefaultTimeout * 1000};");
        pragma.ExecuteNonQuery();
    }
}

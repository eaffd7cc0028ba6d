using System.Reflection;
using AfterSales.Gateway.Outbox;
using Microsoft.Data.Sqlite;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// Makes the outbox's disk "full" without a real full filesystem (which needs mount privileges): caps its SQLite file at
/// the current size, so the next growth fails exactly as ENOSPC does (SQLITE_FULL). Reaches the outbox's private
/// connection by reflection so that no hook for tests ships in the gateway.
/// </summary>
internal static class FullDisk
{
    public static void Simulate(SqliteOutbox outbox)
    {
        var field = typeof(SqliteOutbox).GetField("_db", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("SqliteOutbox no longer keeps its connection in _db; update this helper.");
        var db = (SqliteConnection)field.GetValue(outbox)!;
        using var pages = db.CreateCommand();
        pages.CommandText = "PRAGMA page_count;";
        var count = (long)pages.ExecuteScalar()!;
        using var limit = db.CreateCommand();
        limit.CommandText = $"PRAGMA max_page_count = {count + 1};";
        limit.ExecuteNonQuery();
    }
}

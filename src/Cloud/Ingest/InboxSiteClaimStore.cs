using System.Data;
using System.Data.Common;
using System.Text;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Several nodes work one inbox on PostgreSQL: a node works a site's events only while it holds that
/// site's advisory lock, so one site's events are applied by one node at a time, in order. The lock
/// belongs to a database session, so a node that dies lets go of its sites at once. SQLite serves one
/// node, which needs no claim.
/// </summary>
internal sealed class InboxSiteClaimStore(IDbContextFactory<CloudDb> dbs)
{
    /// <summary>The claim, or null when another node is working the site right now.</summary>
    public async Task<IAsyncDisposable?> TryClaimAsync(string siteId, CancellationToken cancellationToken)
    {
        var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.DisposeAsync();
            return NoClaim.Instance;
        }

        var key = Key(siteId);
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await ScalarAsync(connection, "SELECT pg_try_advisory_lock(@k)", key, cancellationToken) is true)
            {
                return new Claim(db, connection, key);
            }
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        await db.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per site (the advisory lock space is shared, so the hash is namespaced).</summary>
    private static long Key(string siteId)
    {
        // FNV-1a: string.GetHashCode differs between processes, and every node must agree.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("aftersales.inbox/" + siteId))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "k";
        parameter.DbType = DbType.Int64;
        parameter.Value = key;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class Claim(CloudDb db, DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ScalarAsync(connection, "SELECT pg_advisory_unlock(@k)", key, CancellationToken.None);
            }
            finally
            {
                // Closing the session releases the lock too, should the unlock have failed.
                await db.DisposeAsync();
            }
        }
    }

    private sealed class NoClaim : IAsyncDisposable
    {
        public static readonly NoClaim Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

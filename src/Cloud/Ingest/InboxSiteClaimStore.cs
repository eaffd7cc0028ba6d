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
/// <remarks>
/// A pass claims all its sites through one session. With a session per site, a storm's pass (500 rows
/// from up to 500 sites) took every pooled connection and waited for one more until the pool timed out:
/// on PostgreSQL the desk opened no ticket at all in a storm from 2 000 sites.
/// </remarks>
internal sealed class InboxSiteClaimStore(IDbContextFactory<CloudDb> dbs)
{
    /// <summary>Claims those of <paramref name="siteIds"/> no other node is working right now.</summary>
    public async Task<InboxSiteClaim> ClaimAsync(IReadOnlyCollection<string> siteIds, CancellationToken cancellationToken)
    {
        var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.DisposeAsync();
            return new InboxSiteClaim(siteIds.ToHashSet(StringComparer.Ordinal), release: null);
        }

        var keys = siteIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, Key, StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            var held = await KeysWhereAsync(connection, "SELECT k FROM unnest(@k) AS k WHERE pg_try_advisory_lock(k)", [.. keys.Values], cancellationToken);
            var claimed = keys.Where(site => held.Contains(site.Value)).Select(site => site.Key).ToHashSet(StringComparer.Ordinal);
            return new InboxSiteClaim(claimed, async () =>
            {
                try
                {
                    await KeysWhereAsync(connection, "SELECT k FROM unnest(@k) AS k WHERE pg_advisory_unlock(k)", [.. held], CancellationToken.None);
                }
                finally
                {
                    // Closing the session releases the locks too, should the unlock have failed.
                    await db.DisposeAsync();
                }
            });
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
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

    /// <summary>Runs a lock or unlock over many keys in one statement; returns the keys it succeeded for (the WHERE held).</summary>
    private static async Task<List<long>> KeysWhereAsync(DbConnection connection, string sql, long[] keys, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "k";
        parameter.Value = keys;
        command.Parameters.Add(parameter);
        var result = new List<long>(keys.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetInt64(0));
        }

        return result;
    }
}

/// <summary>The sites a pass may work; disposing it lets them go for other nodes.</summary>
internal sealed class InboxSiteClaim(IReadOnlySet<string> claimed, Func<Task>? release) : IAsyncDisposable
{
    public IReadOnlySet<string> Claimed { get; } = claimed;

    public async ValueTask DisposeAsync()
    {
        if (release is not null)
        {
            await release();
        }
    }
}

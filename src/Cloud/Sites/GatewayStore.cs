using System.Collections.Concurrent;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Which site each gateway may report for. Cached because every message asks; a miss goes to
/// the database so a gateway registered after start-up is known at its first message.
/// </summary>
internal sealed class GatewayStore(IDbContextFactory<CloudDb> dbs)
{
    private readonly ConcurrentDictionary<string, string> _siteOf = new(StringComparer.Ordinal);

    public async Task<string?> SiteOfAsync(string gatewayId, CancellationToken cancellationToken)
    {
        if (_siteOf.TryGetValue(gatewayId, out var site))
        {
            return site;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        site = await db.Gateways.Where(g => g.Id == gatewayId).Select(g => g.SiteId).SingleOrDefaultAsync(cancellationToken);
        if (site is not null)
        {
            _siteOf[gatewayId] = site;
        }

        return site;
    }

    public async Task<RegisteredGateway?> FindAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Gateways.AsNoTracking().SingleOrDefaultAsync(g => g.Id == gatewayId, cancellationToken);
    }

    /// <summary>Replaces a gateway's secret hash with another of the same secret, unless it changed meanwhile (a new enrolment).</summary>
    public async Task ReplaceHashAsync(string gatewayId, string current, string replacement, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.Gateways.Where(g => g.Id == gatewayId && g.SecretHash == current)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.SecretHash, replacement), cancellationToken);
    }

    /// <summary>Forget a cached mapping after a gateway moves or is removed.</summary>
    public void Invalidate(string gatewayId) => _siteOf.TryRemove(gatewayId, out _);
}

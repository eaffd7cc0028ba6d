using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// The highest seq the desk has applied per gateway, read from the occurrences it recorded (every
/// applied event leaves one, in the same transaction), so the mark can never run ahead of or behind
/// what was applied. Indexed by gateway and seq: one index seek per gateway.
/// </summary>
internal sealed class AppliedSeqStore(IDbContextFactory<CloudDb> factory)
{
    public async Task<IReadOnlyDictionary<string, long>> HighestAsync(IReadOnlyCollection<string> gatewayIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Occurrences
            .Where(o => o.GatewayId != null && gatewayIds.Contains(o.GatewayId) && o.Seq > 0)
            .GroupBy(o => o.GatewayId)
            .Select(g => new { GatewayId = g.Key!, Seq = g.Max(o => o.Seq) })
            .ToDictionaryAsync(x => x.GatewayId, x => x.Seq, StringComparer.Ordinal, cancellationToken);
    }
}

using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Parts;

/// <summary>
/// The ledger in the database: each move checked against the books of its part before it is stored.
/// Every service company (tenant) keeps its own books; a move is stamped with its company, time and
/// recorder here, never by the client.
/// </summary>
internal sealed class PartsStore(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    /// <summary>
    /// Records <paramref name="move"/> in <paramref name="tenantId"/>'s books as recorded by <paramref name="by"/>; returns why
    /// the books refuse it, or null. A van of another company's technician is unknown (<see cref="KeyNotFoundException"/>).
    /// </summary>
    public async Task<string?> RecordAsync(string tenantId, string by, PartMove move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        foreach (var place in new[] { move.From, move.To }.Where(p => p.StartsWith("van:", StringComparison.Ordinal)))
        {
            if (await db.IsOtherCompanysTechnicianAsync(tenantId, place["van:".Length..], cancellationToken))
            {
                throw new KeyNotFoundException($"Unknown technician's van '{place}'.");
            }
        }

        var ledger = new PartsBalanceCalculator(await db.PartMoves.AsNoTracking().Where(m => m.TenantId == tenantId && m.PartNumber == move.PartNumber).ToListAsync(cancellationToken));
        (move.Id, move.TenantId, move.By, move.At) = (0, tenantId, by, time.GetUtcNow());
        var problem = ledger.Check(move);
        if (problem is null)
        {
            db.Add(move);
            await db.SaveChangesAsync(cancellationToken);
        }

        return problem;
    }

    /// <summary>The whole of <paramref name="tenantId"/>'s books.</summary>
    public async Task<PartsBalanceCalculator> LedgerAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return new PartsBalanceCalculator(await db.PartMoves.AsNoTracking().Where(m => m.TenantId == tenantId).OrderBy(m => m.Id).ToListAsync(cancellationToken));
    }
}

using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Parts;

/// <summary>The ledger in the database: each move checked against the books of its part before it is stored.</summary>
internal sealed class PartsStore(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    public async Task<string?> RecordAsync(PartMove move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var ledger = new PartsBalanceCalculator(await db.Set<PartMove>().AsNoTracking().Where(m => m.PartNumber == move.PartNumber).ToListAsync(cancellationToken));
        move.At = time.GetUtcNow();
        var problem = ledger.Check(move);
        if (problem is null)
        {
            db.Add(move);
            await db.SaveChangesAsync(cancellationToken);
        }

        return problem;
    }

    public async Task<PartsBalanceCalculator> LedgerAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return new PartsBalanceCalculator(await db.Set<PartMove>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken));
    }
}

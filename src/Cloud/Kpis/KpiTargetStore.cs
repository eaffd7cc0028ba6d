using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Kpis;

/// <summary>
/// The targets that apply to one service company (tenant): its own, as an admin saved them, else
/// the configured <c>Kpis:Targets</c> (the default for a company that set none). Read from the
/// database each time, so the dashboard and the next report use a change at once, on every node
/// (docs/service-rules.md §5.1).
/// </summary>
public sealed class KpiTargetStore(IDbContextFactory<CloudDb> dbs, IOptions<KpiTargets> configured)
{
    public KpiTargets Default => configured.Value;

    public async Task<KpiTargets> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        (await StoredAsync(tenantId, cancellationToken))?.Targets ?? configured.Value;

    /// <summary>The tenant's own targets and who set them, or null while it uses the default.</summary>
    public async Task<TenantKpiTargets?> StoredAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.KpiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken);
    }

    /// <summary>Saves the tenant's targets; throws <see cref="ArgumentException"/> with the reason when they make no sense.</summary>
    public async Task SaveAsync(string tenantId, KpiTargets targets, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (KpiTargetRules.Problem(targets) is { } problem)
        {
            throw new ArgumentException(problem, nameof(targets));
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await db.KpiTargets.SingleOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken);
        if (row is null)
        {
            row = new TenantKpiTargets { TenantId = tenantId, Targets = new KpiTargets(), UpdatedBy = by };
            db.KpiTargets.Add(row);
        }

        row.Targets = KpiTargetRules.Copy(targets);
        (row.UpdatedAt, row.UpdatedBy) = (at, by);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Back to the configured default.</summary>
    public async Task ResetAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.KpiTargets.Where(t => t.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
    }
}

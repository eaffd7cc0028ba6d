using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Kpis;

/// <summary>
/// The targets that apply to one service company (tenant). Today every tenant gets the
/// configured section; a tenant's own stored targets, when they come, are looked up here so no
/// caller changes.
/// </summary>
public sealed class KpiTargetSource(IOptions<KpiTargets> configured)
{
    public KpiTargets For(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return configured.Value;
    }
}

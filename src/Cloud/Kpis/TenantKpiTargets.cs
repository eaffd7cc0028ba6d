namespace AfterSales.Cloud.Kpis;

/// <summary>A service company's own KPI targets, set by its admin; replaces <c>Kpis:Targets</c> for it.</summary>
public sealed class TenantKpiTargets
{
    public required string TenantId { get; set; }

    public required KpiTargets Targets { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

namespace AfterSales.Gateway.Outbox;

/// <summary>The budget's answer for one message: take it (after evicting that many bytes of telemetry), or refuse it.</summary>
internal readonly record struct BudgetDecision(bool Admit, long EvictTelemetryBytes)
{
    public static BudgetDecision Take { get; } = new(true, 0);

    public static BudgetDecision Refuse { get; } = new(false, 0);
}

namespace AfterSales.Gateway.Outbox;

/// <summary>
/// The priority rule of the disk budget, pure: below the budget everything is taken; at the budget
/// telemetry is refused, and an event is taken only if evicting old telemetry makes room for it.
/// Once full, the outbox counts as full until the backlog drains to <see cref="ResumeFraction"/> of
/// the budget, so <c>gateway.outbox_full</c> does not flap with every acknowledged event.
/// </summary>
internal sealed class OutboxBudget
{
    public const double ResumeFraction = 0.8;

    /// <summary>What a row costs besides its topic and payload (row header, id, index entry), rounded up.</summary>
    public const int RowOverheadBytes = 48;

    public OutboxBudget(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }

    public static long SizeOf(string topic, int payloadBytes) => RowOverheadBytes + topic.Length + payloadBytes;

    public BudgetDecision Decide(OutboxPriority priority, long size, long liveBytes, long telemetryBytes)
    {
        var over = liveBytes + size - MaxBytes;
        return priority switch
        {
            OutboxPriority.Alarm => BudgetDecision.Take,
            _ when over <= 0 => BudgetDecision.Take,
            OutboxPriority.Telemetry => BudgetDecision.Refuse,
            OutboxPriority.Event when telemetryBytes >= over => new BudgetDecision(true, over),
            OutboxPriority.Event => BudgetDecision.Refuse,
            _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown outbox priority."),
        };
    }

    public bool HasRoomAgain(long liveBytes) => liveBytes <= MaxBytes * ResumeFraction;
}

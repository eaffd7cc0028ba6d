namespace AfterSales.Cloud.Sla;

/// <summary>Pure: whether each step of a job (acknowledge, arrive, repair) kept its deadline, as of a moment.</summary>
public static class SlaJudge
{
    public static SlaOutcome Acknowledge(DateTimeOffset? acknowledgedAt, DateTimeOffset? due, DateTimeOffset asOf) =>
        Judge(acknowledgedAt, due, restoredAt: null, asOf);

    /// <summary>A fault that cleared on site before the deadline, with nobody there yet, needed no visit.</summary>
    public static SlaOutcome Arrival(DateTimeOffset? arrivedAt, DateTimeOffset? due, DateTimeOffset? restoredAt, DateTimeOffset asOf) =>
        Judge(arrivedAt, due, arrivedAt is null ? restoredAt : null, asOf);

    public static SlaOutcome Repair(DateTimeOffset? fixedAt, DateTimeOffset? due, DateTimeOffset asOf) =>
        Judge(fixedAt, due, restoredAt: null, asOf);

    private static SlaOutcome Judge(DateTimeOffset? done, DateTimeOffset? due, DateTimeOffset? restoredAt, DateTimeOffset asOf)
    {
        if (due is not { } deadline)
        {
            return SlaOutcome.NotTracked;
        }

        if (done is { } at)
        {
            return at <= deadline ? SlaOutcome.Met : SlaOutcome.Missed;
        }

        if (restoredAt is { } cleared && cleared <= deadline)
        {
            return SlaOutcome.NotNeeded;
        }

        return asOf > deadline ? SlaOutcome.Missed : SlaOutcome.Pending;
    }
}

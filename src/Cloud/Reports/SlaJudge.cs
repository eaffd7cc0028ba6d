namespace AfterSales.Cloud.Reports;

/// <summary>Whether each step of a ticket (acknowledge, arrive, repair) kept its deadline, as of a moment.</summary>
public static class SlaJudge
{
    public static SlaOutcome Acknowledge(TicketFacts t, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Judge(t.AcknowledgedAt, t.AcknowledgeDueAt, restoredAt: null, asOf);
    }

    public static SlaOutcome Arrival(TicketFacts t, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Judge(t.ArrivedAt, t.ArrivalDueAt, t.ArrivedAt is null ? t.RestoredAt : null, asOf);
    }

    public static SlaOutcome Repair(TicketFacts t, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Judge(t.FixedAt, t.ResolutionDueAt, restoredAt: null, asOf);
    }

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

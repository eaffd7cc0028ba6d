namespace AfterSales.Cloud.Sla;

/// <summary>Pure: which deadline a job is racing now, and how far through it is (the board's colour).</summary>
public static class SlaStanding
{
    public static (DateTimeOffset? Due, string? Target) Next(SlaProgress t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Done)
        {
            return (null, null);
        }

        if (t.AcceptedAt is null && t.AcknowledgeDueAt is { } ack && (t.ArrivalDueAt is null || ack < t.ArrivalDueAt))
        {
            return (ack, "acknowledge");
        }

        if (t.ArrivedAt is null && t.ArrivalDueAt is { } arrive)
        {
            return (arrive, "arrive");
        }

        return t.ResolutionDueAt is { } resolve ? (resolve, "resolve") : (null, null);
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset Due)> Running(SlaProgress t)
    {
        if (t.AcceptedAt is null && t.DispatchedAt is { } dispatched && t.AcknowledgeDueAt is { } ack)
        {
            yield return (dispatched, ack);
        }

        if (t.ArrivedAt is null && t.ArrivalDueAt is { } arrive)
        {
            yield return (t.OpenedAt, arrive);
        }

        if (t.ResolvedAt is null && t.ResolutionDueAt is { } resolve)
        {
            yield return (t.OpenedAt, resolve);
        }
    }

    public static string State(SlaProgress t, DateTimeOffset now, IReadOnlyList<int> warningPercents)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(warningPercents);
        if (t.Done)
        {
            return "done";
        }

        if (t.NeedsHuman)
        {
            return "human";
        }

        if (t.PausedAt is not null)
        {
            return "paused";
        }

        // The colour is the worst of the targets still running, so an acknowledgement on time
        // does not hide an arrival that is nearly lost.
        var used = Running(t).Select(r => now >= r.Due ? double.PositiveInfinity : (now - r.Start) / (r.Due - r.Start) * 100).DefaultIfEmpty(0).Max();
        if (double.IsPositiveInfinity(used))
        {
            return "breached";
        }

        var passed = warningPercents.Where(p => used >= p).DefaultIfEmpty(0).Max();
        return passed > 0 ? $"warning-{passed}" : "ok";
    }
}

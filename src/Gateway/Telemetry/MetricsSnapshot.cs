namespace AfterSales.Gateway.Telemetry;

/// <summary>The metrics as the status file carries them: totals since the gateway started.</summary>
internal sealed record MetricsSnapshot
{
    public long EventsQueued { get; init; }

    public long EventsRefused { get; init; }

    public long EventsPublished { get; init; }

    public long PublishFailures { get; init; }

    public long Reconnects { get; init; }

    public int LatencySamples { get; init; }

    public double? LatencyP50Ms { get; init; }

    public double? LatencyP99Ms { get; init; }

    public double? LatencyMaxMs { get; init; }

    public IReadOnlyList<CheckTotal> Checks { get; init; } = [];
}

internal sealed record CheckTotal(string Kind, string Outcome, long Count);

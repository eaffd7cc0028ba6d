using AfterSales.Gateway.Telemetry;

namespace AfterSales.Gateway.Status;

/// <summary>What <c>{stateDirectory}/status.json</c> holds: the running gateway's state, rewritten every second.</summary>
internal sealed record StatusReport
{
    public required string GatewayId { get; init; }

    public required string SiteId { get; init; }

    public required int Pid { get; init; }

    public required DateTimeOffset WrittenAt { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The process's resident memory (RSS) when the file was written: what a board has to spare for it.</summary>
    public long? ResidentBytes { get; init; }

    /// <summary>Written once by a clean shutdown; a killed gateway leaves false and an ageing file.</summary>
    public bool Stopped { get; init; }

    public required string Broker { get; init; }

    public required bool Connected { get; init; }

    public DateTimeOffset? ConnectionSince { get; init; }

    public string? LastError { get; init; }

    public required int OutboxDepth { get; init; }

    public required long OutboxBytes { get; init; }

    public required long OutboxMaxBytes { get; init; }

    public required bool OutboxFull { get; init; }

    public required IReadOnlyList<ActiveFault> ActiveFaults { get; init; }

    public int? ConfigVersion { get; init; }

    public DateTimeOffset? ConfigIssuedAt { get; init; }

    public IReadOnlyList<string> StuckLoops { get; init; } = [];

    /// <summary>Counters since start (issue 17); null in a file written by an older gateway.</summary>
    public MetricsSnapshot? Metrics { get; init; }
}

internal sealed record ActiveFault(string DeviceId, string Fault);

namespace AfterSales.Protocol.Contracts;

public sealed record CheckSettings
{
    public required int HeartbeatIntervalS { get; init; }

    public int CameraCheckIntervalS { get; init; } = 60;

    /// <summary>Consecutive failed checks before a camera fault is raised.</summary>
    public int CameraMissesBeforeFault { get; init; } = 3;

    public int ClockDriftToleranceS { get; init; } = 30;
}

using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Turns rounds of checks on one device into <c>camera.offline</c>, <c>camera.stream_fail</c> and
/// <c>camera.clock_drift</c>. While the device is unreachable its stream and clock are unknown, not
/// failing: those counters hold still, so a dead camera opens one ticket (offline), not three.
/// Pure: no clock, no sockets.
/// </summary>
internal sealed class CameraHealthPolicy(CameraConfig camera)
{
    private readonly MissCounter _offline = new(camera.MissesBeforeFault, camera.PassesBeforeClear);
    private readonly MissCounter _stream = new(camera.MissesBeforeFault, camera.PassesBeforeClear);
    private readonly MissCounter _clock = new(camera.MissesBeforeFault, camera.PassesBeforeClear);

    public IReadOnlyList<CameraFaultChange> Evaluate(CameraRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var changes = new List<CameraFaultChange>(3);
        Record(_offline, round.Reachable, FaultCodes.CameraOffline, changes);
        if (!round.Reachable)
        {
            return changes;
        }

        if (round.Rtsp is { } rtsp)
        {
            Record(_stream, rtsp.Passed, FaultCodes.CameraStreamFail, changes);
        }

        // Only a clock actually read can be judged; an ONVIF service that is down says nothing about the clock.
        if (round.Onvif?.ClockDrift is { } drift)
        {
            Record(_clock, drift.Duration() <= camera.MaxClockDrift, FaultCodes.CameraClockDrift, changes);
        }

        return changes;
    }

    private static void Record(MissCounter counter, bool passed, string fault, List<CameraFaultChange> changes)
    {
        if (counter.Record(passed))
        {
            changes.Add(new CameraFaultChange(fault, counter.IsFaulted));
        }
    }
}

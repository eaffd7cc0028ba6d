using AfterSales.Gateway.Cameras;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class CameraHealthPolicyTests
{
    private static readonly CheckResult Pong = CheckResult.Ok("ping");
    private static readonly CheckResult NoPong = CheckResult.Silent("timeout");
    private static readonly CheckResult Stream = CheckResult.Ok("200");
    private static readonly CheckResult NoStream = CheckResult.Failed("503");
    private static readonly CheckResult Refused = CheckResult.Silent("refused");

    private readonly CameraHealthPolicy _policy = new(new CameraConfig { DeviceId = "cam-1", Host = "10.0.0.5", MissesBeforeFault = 2, MaxClockDriftSeconds = 30 });

    [Fact]
    public void Evaluate_NothingAnswersTwice_RaisesOfflineOnly()
    {
        var dead = new CameraRound(NoPong, Refused, Refused);

        Assert.Empty(_policy.Evaluate(dead));
        var changes = _policy.Evaluate(dead);

        Assert.Equal([new CameraFaultChange(FaultCodes.CameraOffline, true)], changes);
    }

    [Fact]
    public void Evaluate_PingsButStreamFails_RaisesStreamFailNotOffline()
    {
        var round = new CameraRound(Pong, NoStream, Clock(0));

        _policy.Evaluate(round);
        var changes = _policy.Evaluate(round);

        Assert.Equal([new CameraFaultChange(FaultCodes.CameraStreamFail, true)], changes);
    }

    [Fact]
    public void Evaluate_ClockOffBeyondTolerance_RaisesClockDriftAndClearsWhenSet()
    {
        _policy.Evaluate(new CameraRound(Pong, Stream, Clock(-31)));
        Assert.Equal([new CameraFaultChange(FaultCodes.CameraClockDrift, true)], _policy.Evaluate(new CameraRound(Pong, Stream, Clock(95))));

        Assert.Equal([new CameraFaultChange(FaultCodes.CameraClockDrift, false)], _policy.Evaluate(new CameraRound(Pong, Stream, Clock(29))));
    }

    [Fact]
    public void Evaluate_WhileOffline_StreamAndClockHoldTheirState()
    {
        var broken = new CameraRound(Pong, NoStream, Clock(0));
        _policy.Evaluate(broken);
        _policy.Evaluate(broken);
        var dead = new CameraRound(NoPong, Refused, Refused);

        _policy.Evaluate(dead);
        Assert.Equal([new CameraFaultChange(FaultCodes.CameraOffline, true)], _policy.Evaluate(dead));

        // Back with a working stream: offline and stream_fail both clear in the same round.
        var changes = _policy.Evaluate(new CameraRound(Pong, Stream, Clock(0)));
        Assert.Equal(
            [new CameraFaultChange(FaultCodes.CameraOffline, false), new CameraFaultChange(FaultCodes.CameraStreamFail, false)],
            changes);
    }

    [Fact]
    public void Evaluate_OnvifDownButRtspUp_NeitherOfflineNorClockDrift()
    {
        var round = new CameraRound(null, Stream, Refused);

        // The first round is the first verdict after start: reachable and streaming, said once, both healthy.
        Assert.Equal([(FaultCodes.CameraOffline, false), (FaultCodes.CameraStreamFail, false)], _policy.Evaluate(round).Select(c => (c.Fault, c.IsActive)));
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(_policy.Evaluate(round));
        }
    }

    [Fact]
    public void Evaluate_PingOffAndOnlyGarbageOnRtsp_StreamFailsButDeviceCountsAsReachable()
    {
        var round = new CameraRound(null, CheckResult.Failed("not an RTSP answer"), null);

        _policy.Evaluate(round);

        Assert.Equal([new CameraFaultChange(FaultCodes.CameraStreamFail, true)], _policy.Evaluate(round));
    }

    private static CheckResult Clock(double driftSeconds) => CheckResult.Ok("clock") with { ClockDrift = TimeSpan.FromSeconds(driftSeconds) };
}

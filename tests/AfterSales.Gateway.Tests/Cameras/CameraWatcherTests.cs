using System.Text.Json;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Cameras;

/// <summary>Each camera check over real loopback sockets, each fault seen by a cloud client on a real broker.</summary>
public sealed class CameraWatcherTests
{
    [Fact]
    public async Task Watcher_StreamDownForThreeRounds_RaisesStreamFailThenClearsOnRecovery()
    {
        await using var rig = await CameraRig.StartAsync(new CameraConfig { DeviceId = "cam-lobby", Icmp = false, IntervalSeconds = 60, MissesBeforeFault = 3 });
        rig.Simulator.Mode = CameraSimulatorMode.StreamDown;

        await rig.RoundsAsync(2);
        Assert.Equal(0, rig.Tracker.ActiveCount);
        await rig.RoundsAsync(1);

        var raised = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraStreamFail, FaultState.Raised, "cam-lobby", DeviceKind.Camera), (raised.Fault, raised.State, raised.DeviceId, raised.DeviceKind));
        Assert.Contains("503 Service Unavailable", raised.Detail!.Value.GetProperty("rtsp").GetString(), StringComparison.Ordinal);
        Assert.Equal(rig.Time.GetUtcNow(), raised.OccurredAt);

        rig.Simulator.Mode = CameraSimulatorMode.Healthy;
        await rig.RoundsAsync(1);

        var cleared = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraStreamFail, FaultState.Cleared), (cleared.Fault, cleared.State));
    }

    [Fact]
    public async Task Watcher_RecorderPortsClosed_RaisesOfflineOnlyThenClears()
    {
        await using var rig = await CameraRig.StartAsync(new CameraConfig { DeviceId = "nvr-1", Kind = CameraKind.Recorder, Icmp = false, MissesBeforeFault = 2 });
        rig.Simulator.Mode = CameraSimulatorMode.Closed;

        await rig.RoundsAsync(2);

        var raised = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraOffline, FaultState.Raised, DeviceKind.Recorder), (raised.Fault, raised.State, raised.DeviceKind));
        Assert.Equal(1, rig.Tracker.ActiveCount);

        rig.Simulator.Mode = CameraSimulatorMode.Healthy;
        await rig.RoundsAsync(1);

        var cleared = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraOffline, FaultState.Cleared, "nvr-1"), (cleared.Fault, cleared.State, cleared.DeviceId));
        Assert.Equal(0, rig.Tracker.ActiveCount);
    }

    [Fact]
    public async Task Watcher_HungDevice_RaisesOfflineAfterTimeouts()
    {
        await using var rig = await CameraRig.StartAsync(new CameraConfig { DeviceId = "cam-yard", Icmp = false, MissesBeforeFault = 2, TimeoutMilliseconds = 300 });
        rig.Simulator.Mode = CameraSimulatorMode.Silent;

        await rig.RoundsAsync(2);

        var raised = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraOffline, FaultState.Raised), (raised.Fault, raised.State));
        Assert.Contains("no answer within 300 ms", raised.Detail!.Value.GetProperty("rtsp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watcher_ClockSetFiveMinutesOff_RaisesClockDriftWithTheDriftThenClears()
    {
        await using var rig = await CameraRig.StartAsync(new CameraConfig { DeviceId = "cam-gate", Icmp = false, MissesBeforeFault = 3, MaxClockDriftSeconds = 30 });
        rig.Simulator.ClockOffset = TimeSpan.FromMinutes(5);

        await rig.RoundsAsync(3);

        var raised = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraClockDrift, FaultState.Raised, FaultSeverity.Minor), (raised.Fault, raised.State, raised.Severity));
        Assert.Equal(300, raised.Detail!.Value.GetProperty("clockDriftSeconds").GetDouble());

        rig.Simulator.ClockOffset = TimeSpan.FromSeconds(2);
        await rig.RoundsAsync(1);

        var cleared = await rig.NextEventAsync();
        Assert.Equal((FaultCodes.CameraClockDrift, FaultState.Cleared), (cleared.Fault, cleared.State));
    }

    [Fact]
    public async Task Watcher_CameraAsksForCredentials_StaysHealthy()
    {
        await using var rig = await CameraRig.StartAsync(new CameraConfig { DeviceId = "cam-door", Icmp = true, MissesBeforeFault = 1 });
        rig.Simulator.Mode = CameraSimulatorMode.Unauthorized;

        await rig.RoundsAsync(3);

        Assert.Equal(0, rig.Tracker.ActiveCount);
        Assert.Equal(0, rig.Queue.Count);
    }

    [Fact]
    public async Task Watcher_BeforeTheIntervalHasPassed_ChecksNothingNew()
    {
        await using var rig = await CameraRig.StartAsync(new CameraConfig { DeviceId = "cam-lobby", Icmp = false, IntervalSeconds = 60, MissesBeforeFault = 1 });
        rig.Simulator.Mode = CameraSimulatorMode.StreamDown;

        rig.Time.Advance(TimeSpan.FromSeconds(59));
        await rig.Watcher.WhenIdleAsync();
        Assert.Equal(0, rig.Tracker.ActiveCount);

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.Watcher.WhenIdleAsync();
        Assert.Equal(1, rig.Tracker.ActiveCount);
    }
}

using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>
/// In <c>--simulate</c>: starts the simulated cameras and chips healthy, then plays <c>simulation.cameras</c>,
/// <c>supply</c> and <c>zones</c> at their offsets (repeating with <c>repeatEverySeconds</c>). Must start
/// before the watchers so their first reading sees a healthy site.
/// </summary>
internal sealed partial class DeviceSimulationService(SimulatedDevices devices, DeviceScript sim, TimeProvider time, ILogger<DeviceSimulationService> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly List<ITimer> _timers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        devices.SetChipsHealthy();
        foreach (var (id, camera) in devices.Cameras)
        {
            try
            {
                camera.Start();
                LogCameraSimulated(id, camera.RtspPort, camera.OnvifPort);
            }
            catch (SocketException ex)
            {
                // A port already taken must not stop the rest of the simulation; that camera will simply look offline.
                LogCameraPortBusy(id, ex.Message);
            }
        }

        foreach (var step in sim.Cameras)
        {
            Schedule(step.AtSeconds, () => devices.Apply(step), $"camera {step.DeviceId} {step.Mode}, clock {step.ClockOffsetSeconds:+0;-0;0} s");
        }

        foreach (var step in sim.Supply)
        {
            Schedule(step.AtSeconds, () => devices.Apply(step), $"supply {step.Volts} V");
        }

        foreach (var step in sim.Zones)
        {
            Schedule(step.AtSeconds, () => devices.Apply(step), $"zone {step.DeviceId} {step.State}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var timer in _timers)
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // The simulated devices belong to the container, which disposes them after this service.
        foreach (var timer in _timers)
        {
            await timer.DisposeAsync();
        }
    }

    private void Schedule(double atSeconds, Action apply, string what)
    {
        // One timer per step with the script's period: a repeating script needs no bookkeeping at all.
        var repeat = sim.RepeatEverySeconds;
        _timers.Add(time.CreateTimer(
            _ =>
            {
                apply();
                LogStep(what);
            },
            null,
            TimeSpan.FromSeconds(atSeconds),
            repeat > 0 ? TimeSpan.FromSeconds(repeat) : Timeout.InfiniteTimeSpan));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated camera {DeviceId}: RTSP on port {RtspPort}, ONVIF on port {OnvifPort}")]
    private partial void LogCameraSimulated(string deviceId, int rtspPort, int onvifPort);

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulated camera {DeviceId} could not open its port: {Error}")]
    private partial void LogCameraPortBusy(string deviceId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation: {What}")]
    private partial void LogStep(string what);
}

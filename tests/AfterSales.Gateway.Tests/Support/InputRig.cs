using System.Device.Gpio;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Supervision;
using AfterSales.Protocol.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>The real input pipeline on the simulated GPIO driver and fake time.</summary>
internal sealed class InputRig : IDisposable
{
    private readonly GpioController _gpio;

    public InputRig(params InputConfig[] inputs)
        : this(edgeEvents: true, inputs)
    {
    }

    /// <param name="edgeEvents">False gives a driver without edge events, on which the watcher falls back to polling.</param>
    public InputRig(bool edgeEvents, params InputConfig[] inputs)
    {
        Driver = new SimulatedGpioDriver(edgeEvents: edgeEvents);
        Config = TestConfig.Gateway(inputs);
        _gpio = new GpioController(Driver);
        Tracker = new FaultTracker(Config.Identity, new CountingSequence(), Time);
        Inputs = new SimulatedInputs(Driver, Config);
        var reporter = new FaultReporter(Tracker, Queue, NullLogger<FaultReporter>.Instance);
        Watcher = new InputWatcher(new InputMonitor(_gpio, Config.InputSettings, Time), reporter, new LoopHealth(Time), Config.InputSettings, Time, NullLogger<InputWatcher>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver Driver { get; }

    public GatewayConfig Config { get; }

    public InMemoryEventQueue Queue { get; } = new();

    public FaultTracker Tracker { get; }

    public SimulatedInputs Inputs { get; }

    public InputWatcher Watcher { get; }

    public void Start() => Watcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Moves fake time in poll-sized steps so every timer tick runs, as it would in real time.</summary>
    public void Advance(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += Config.PollInterval)
        {
            Time.Advance(Config.PollInterval);
        }
    }

    public List<FaultEvent> Drain() => Queue.Drain();

    public void Dispose()
    {
        Watcher.Dispose();
        _gpio.Dispose();
    }
}

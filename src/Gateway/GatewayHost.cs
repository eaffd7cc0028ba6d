using System.Device.Gpio;
using System.Globalization;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Panels.Dc09;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Sequencing;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Status;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Uplink;
using AfterSales.Gateway.Zones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace AfterSales.Gateway;

/// <summary>Composes the worker: inputs → fault tracker → durable outbox → MQTT uplink, plus supervision and the simulator when asked.</summary>
internal static class GatewayHost
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static IHost Build(GatewayConfig config, SimulationScope simulation, TextReader standardInput, ISequenceSource sequence, SqliteOutbox outbox)
    {
        // Empty: the gateway's settings are all in gateway.json. The defaults would add appsettings.json with a
        // file watcher, environment and command-line sources and three more logging providers, which cost
        // memory on a small board and would let a second, unvalidated settings file change behaviour.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Type=notify: the host lifetime sends READY=1 once every service started, and STOPPING=1.
        builder.Services.AddSystemd();
        builder.Services.AddSerilog(logging =>
        {
            logging
                .MinimumLevel.Is(ToSerilog(config.LogLevel))
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information);

            // Under systemd the journal gets structured fields; the console copy is for humans elsewhere.
            if (JournaldSink.UnderJournal)
            {
                logging.WriteTo.Sink(new JournaldSink());
            }
            else
            {
                logging.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
            }
        });

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sequence);
        services.AddSingleton(sp =>
        {
            outbox.UseLogger(sp.GetRequiredService<ILogger<SqliteOutbox>>());
            return outbox;
        });
        services.AddSingleton<IEventQueue>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton(sp => new SiteConfigStore(config.StateDirectory, config.SiteId, sp.GetRequiredService<ILogger<SiteConfigStore>>()));
        services.AddSingleton<ISiteConfigSource>(sp => sp.GetRequiredService<SiteConfigStore>());
        services.AddSingleton(sp =>
        {
            var tracker = ActivatorUtilities.CreateInstance<FaultTracker>(sp);
            tracker.Resume(sp.GetRequiredService<IEventQueue>().ActiveFaults());
            return tracker;
        });
        services.AddSingleton<FaultReporter>();
        services.AddSingleton<ReconnectBackoff>(_ => new ReconnectBackoff());
        services.AddSingleton<ConnectionState>();
        services.AddSingleton<LoopHealth>();
        services.AddSingleton<InputMonitor>();

        if (simulation != SimulationScope.None)
        {
            var wholeSite = simulation == SimulationScope.Site;
            var driver = new SimulatedGpioDriver();
            services.AddSingleton(driver);
            services.AddSingleton(_ => new GpioController(driver));
            services.AddSingleton<SimulatedInputs>();
            services.AddSingleton(standardInput);
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SimulatedField>(sp, wholeSite));

            // Registered first: hosted services start in order, and the inputs must be healthy before the first poll,
            // and the simulated panels must have their pseudo-terminals before the sessions open them.
            services.AddHostedService(sp => sp.GetRequiredService<SimulatedField>());
            services.AddHostedService<SimulationService>();
            services.AddSingleton(sp => new SimulatedDevices(config, sp.GetRequiredService<TimeProvider>(), simulateCameras: wholeSite));
            services.AddSingleton(sp => sp.GetRequiredService<SimulatedDevices>().Buses);
            services.AddHostedService<DeviceSimulationService>();
        }
        else
        {
            // The parameterless constructor picks the board's own driver (libgpiod or sysfs on a Pi).
            services.AddSingleton(_ => new GpioController());
            services.AddSingleton(BoardBuses.Linux);
        }

        services.AddHostedService<OutboxFullAlarm>();
        services.AddHostedService<FaultWatcher>();
        AddFieldInterfaces(services, config);
        services.AddSingleton<OnvifProbe>();
        services.AddSingleton<CameraProbe>();
        services.AddHostedService<CameraWatcher>();
        services.AddHostedService<PowerWatcher>();
        services.AddHostedService<ZoneWatcher>();
        services.AddHostedService<MqttUplink>();
        services.AddHostedService<StatusFileWriter>();
        services.AddHostedService(sp => new WatchdogService(
            sp.GetRequiredService<LoopHealth>(),
            SystemdNotifier.FromEnvironment(),
            WatchdogService.IntervalFromEnvironment(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WatchdogService>>()));
        return builder.Build();
    }

    private static LogEventLevel ToSerilog(GatewayLogLevel level) => level switch
    {
        GatewayLogLevel.Debug => LogEventLevel.Debug,
        GatewayLogLevel.Warning => LogEventLevel.Warning,
        GatewayLogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };

    /// <summary>Serial panels, the DC-09 receiver and the PTZ bus, each only when configured.</summary>
    private static void AddFieldInterfaces(IServiceCollection services, GatewayConfig config)
    {
        services.AddSingleton<ISerialLinkFactory, SerialPortLinkFactory>();
        if (config.Panels.Count > 0)
        {
            services.AddHostedService<PanelSessions>();
        }

        if (config.Dc09Receiver is not null)
        {
            services.AddHostedService<Dc09Receiver>();
        }

        if (config.Ptz is not null)
        {
            // Its own backoff: the uplink's singleton counts broker failures, not serial ones.
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<PtzBus>(sp, new ReconnectBackoff()));
        }
    }
}

using System.Device.Gpio;
using System.Globalization;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Sequencing;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Status;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Uplink;
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

    public static IHost Build(GatewayConfig config, bool simulate, TextReader standardInput, ISequenceSource sequence, SqliteOutbox outbox)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Our own flags are parsed already; the configuration binder would misread "--simulate".
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Type=notify: the host lifetime sends READY=1 once every service started, and STOPPING=1.
        builder.Services.AddSystemd();
        builder.Services.AddSerilog((_, logging) =>
        {
            logging
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .ReadFrom.Configuration(builder.Configuration);

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
        services.AddSingleton<FaultTracker>();
        services.AddSingleton<FaultReporter>();
        services.AddSingleton<ReconnectBackoff>(_ => new ReconnectBackoff());
        services.AddSingleton<ConnectionState>();
        services.AddSingleton<LoopHealth>();
        services.AddSingleton<InputMonitor>();

        if (simulate)
        {
            var driver = new SimulatedGpioDriver();
            services.AddSingleton(driver);
            services.AddSingleton(_ => new GpioController(driver));
            services.AddSingleton<SimulatedInputs>();
            services.AddSingleton(standardInput);

            // Registered first: hosted services start in order, and the inputs must be healthy before the first poll.
            services.AddHostedService<SimulationService>();
        }
        else
        {
            // The parameterless constructor picks the board's own driver (libgpiod or sysfs on a Pi).
            services.AddSingleton(_ => new GpioController());
        }

        services.AddHostedService<OutboxFullAlarm>();
        services.AddHostedService<FaultWatcher>();
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
}

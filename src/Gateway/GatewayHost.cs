using System.Device.Gpio;
using System.Globalization;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Panels.Dc09;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Sequencing;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Status;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Telemetry;
using AfterSales.Gateway.Uplink;
using AfterSales.Gateway.Zones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace AfterSales.Gateway;

/// <summary>Composes the worker: inputs → fault tracker → durable outbox → MQTT uplink, plus supervision; the simulator adds its hardware through <c>addHardware</c>.</summary>
internal static class GatewayHost
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static IHost Build(GatewayConfig config, ISequenceSource sequence, SqliteOutbox outbox, Action<IServiceCollection>? addHardware)
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
        services.AddSingleton(config.Identity);
        services.AddSingleton(config.InputSettings);
        services.AddSingleton(config.UplinkSettings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sequence);
        services.AddSingleton(sp =>
        {
            outbox.UseLogger(sp.GetRequiredService<ILogger<SqliteOutbox>>());
            return outbox;
        });
        GatewayMetrics.ObserveOutbox(() => outbox.Count);
        if (config.Telemetry is { } telemetry)
        {
            // Only when asked for: without it the OpenTelemetry SDK is never loaded, which the board's memory notices.
            OtlpMetricsExport.Add(services, telemetry, config.Identity);
        }

        services.AddSingleton<IEventQueue>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<IUplinkOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        // The file was checked when gateway.json was loaded (GatewayConfigValidator); no key means no cloud config is trusted.
        services.AddSingleton(sp => new SiteConfigStore(
            config.StateDirectory,
            config.SiteId,
            config.CloudConfigKey is { } keyFile ? CloudConfigKey.Load(keyFile) : null,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SiteConfigStore>>(),
            site => SiteInventory.Apply(config, site).Error));
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

        // The simulator's hardware first: hosted services start in registration order, so its pins are healthy
        // before the first poll and its panels have their pseudo-terminals before the sessions open them.
        addHardware?.Invoke(services);

        // The parameterless constructor picks the board's own driver (libgpiod or sysfs on a Pi).
        services.TryAddSingleton(_ => new GpioController());
        services.TryAddSingleton(BoardBuses.Linux);
        services.TryAddSingleton<ISerialLinkFactory, SerialPortLinkFactory>();

        services.AddHostedService<OutboxFullAlarm>();
        if (config.Inputs.Count > 0)
        {
            // Only then is the GPIO driver opened: a gateway that watches no pins needs no libgpiod.
            services.AddHostedService<InputWatcher>();
        }

        if (config.Dc09Receiver is { } dc09)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<Dc09Receiver>(sp, dc09));
        }

        services.AddSingleton<OnvifProbe>();
        services.AddSingleton<CameraProbe>();
        services.AddHostedService<DeviceWatchers>();
        if (config.Power is { } power)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<PowerWatcher>(sp, power));
        }

        if (config.Zones is { } zones)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ZoneWatcher>(sp, zones));
        }

        services.AddHostedService<MqttUplink>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<StatusFileWriter>(sp, config.StateDirectory));
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
}

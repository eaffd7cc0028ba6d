using System.Device.Spi;
using System.Text.Json;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Protocol.Faults;
using Iot.Device.Adc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Zones;

/// <summary>
/// Reads every supervised zone loop through the MCP3008, classifies its voltage, debounces the state and
/// reports <c>zone.tamper</c>, <c>zone.short_circuit</c> and <c>zone.open_circuit</c>. A change from one
/// fault to another clears the first, so a ticket always shows what the loop is doing now.
/// </summary>
internal sealed partial class ZoneWatcher(
    ZonesConfig zones,
    BoardBuses buses,
    FaultReporter reporter,
    TimeProvider time,
    ILogger<ZoneWatcher> logger) : IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(ZoneConfig Zone, ZoneDebouncer Debouncer)> _zones = [];
    private ITimer? _timer;
    private Mcp3008? _adc;
    private bool _failing;
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);
    private long _startedAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (zones.Channels.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var zone in zones.Channels)
        {
            _zones.Add((zone, new ZoneDebouncer(zone.Debounce, time)));
        }

        _startedAt = time.GetTimestamp();
        LogWatching(zones.Channels.Count, zones.SpiBus, zones.ChipSelect, zones.PollIntervalMilliseconds);
        _timer = time.CreateTimer(_ => Poll(), null, TimeSpan.Zero, zones.PollInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _adc?.Dispose();
    }

    internal void Poll()
    {
        lock (_lock)
        {
            try
            {
                if (_adc is null)
                {
                    // The binding owns the SPI device from here on and closes it with itself.
                    _adc = new Mcp3008(buses.OpenSpi(new SpiConnectionSettings(zones.SpiBus, zones.ChipSelect) { ClockFrequency = zones.ClockHz, Mode = SpiMode.Mode0 }));
                }

                foreach (var (zone, debouncer) in _zones)
                {
                    var volts = AdcVolts.Of(_adc.Read(zone.Channel), zones.ReferenceVolts);
                    var previous = debouncer.State;
                    if (debouncer.Sample(zones.Bands.Classify(volts)))
                    {
                        _settled.Add(zone.DeviceId);
                        Changed(zone, previous, debouncer.State, volts);
                    }
                    else if (!debouncer.HasCandidate && time.GetElapsedTime(_startedAt) >= zone.Debounce && _settled.Add(zone.DeviceId))
                    {
                        FirstVerdict(zone, debouncer.State, volts);
                    }
                }
            }
            catch (Exception ex) when (AdcVolts.IsReadFailure(ex))
            {
                if (!_failing)
                {
                    LogReadFailed(zones.SpiBus, zones.ChipSelect, ex);
                }

                _failing = true;
                return;
            }

            if (_failing)
            {
                LogReadRecovered();
                _failing = false;
            }
        }
    }

    /// <summary>
    /// The zone's state once it has held for the debounce time after start, said for each of its fault codes: no news
    /// to the tracker, unless it clears a zone fault that healed while the gateway was off.
    /// </summary>
    private void FirstVerdict(ZoneConfig zone, ZoneState state, double volts)
    {
        var detail = Detail(zone, state, volts);
        var now = time.GetUtcNow();
        foreach (var fault in ZoneFaults.All)
        {
            reporter.Report(new FaultObservation(zone.DeviceId, DeviceKind.Zone, fault, ZoneFaults.Of(state) == fault, FaultObservation.DefaultSeverity(fault), now, detail));
        }
    }

    private static JsonElement Detail(ZoneConfig zone, ZoneState state, double volts) => JsonSerializer.SerializeToElement(
        new ZoneFaultDetail(zone.Channel, zone.Name, Math.Round(volts, 3), ZoneStateNames.Of(state)), ZoneJsonContext.Default.ZoneFaultDetail);

    private void Changed(ZoneConfig zone, ZoneState from, ZoneState to, double volts)
    {
        LogZoneChanged(zone.DeviceId, zone.Name, from, to, volts);
        var detail = Detail(zone, to, volts);
        var now = time.GetUtcNow();
        if (ZoneFaults.Of(from) is { } cleared)
        {
            reporter.Report(new FaultObservation(zone.DeviceId, DeviceKind.Zone, cleared, false, FaultObservation.DefaultSeverity(cleared), now, detail));
        }

        if (ZoneFaults.Of(to) is { } raised)
        {
            reporter.Report(new FaultObservation(zone.DeviceId, DeviceKind.Zone, raised, true, FaultObservation.DefaultSeverity(raised), now, detail));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Count} supervised zones on SPI {Bus}.{ChipSelect} every {PollMs} ms")]
    private partial void LogWatching(int count, int bus, int chipSelect, int pollMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {DeviceId} ({Name}) {From} -> {To} at {Volts:0.000} V")]
    private partial void LogZoneChanged(string deviceId, string name, ZoneState from, ZoneState to, double volts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the MCP3008 on SPI {Bus}.{ChipSelect} failed; retrying every poll")]
    private partial void LogReadFailed(int bus, int chipSelect, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP3008 readable again")]
    private partial void LogReadRecovered();
}

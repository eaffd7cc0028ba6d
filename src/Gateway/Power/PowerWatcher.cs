using System.Device.I2c;
using System.Text.Json;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Faults;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Power;

/// <summary>
/// Reads the INA219 on the gateway's supply input and reports <c>power.mains_loss</c> (the supply has
/// dropped from the PSU's float voltage to battery level) and <c>power.undervoltage</c> (the battery is
/// running flat). A bus error is logged once and retried every interval; it never stops the gateway.
/// </summary>
internal sealed partial class PowerWatcher(
    PowerConfig power,
    BoardBuses buses,
    FaultReporter reporter,
    TimeProvider time,
    ILogger<PowerWatcher> logger) : IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private I2cDevice? _device;
    private Ina219? _chip;
    private LowVoltageAlarm? _mainsLoss;
    private LowVoltageAlarm? _undervoltage;
    private bool _failing;
    private bool _firstVerdictGiven;
    private long _startedAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _mainsLoss = new LowVoltageAlarm(power.MainsLossBelowVolts, power.MainsRestoredAboveVolts, power.Hold, time);
        _undervoltage = new LowVoltageAlarm(power.UndervoltageBelowVolts, power.UndervoltageRestoredAboveVolts, power.Hold, time);
        _startedAt = time.GetTimestamp();
        LogWatching(power.I2cBus, power.Address, power.MainsLossBelowVolts, power.UndervoltageBelowVolts);
        _timer = time.CreateTimer(_ => Poll(), null, TimeSpan.Zero, power.Interval);
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
        _device?.Dispose();
    }

    internal void Poll()
    {
        lock (_lock)
        {
            Ina219Reading reading;
            try
            {
                _chip ??= OpenChip(power);
                reading = _chip.Read();
            }
            catch (Exception ex) when (BoardBuses.IsBusFailure(ex))
            {
                if (!_failing)
                {
                    LogReadFailed(power.I2cBus, power.Address, ex);
                }

                _failing = true;
                return;
            }

            if (_failing)
            {
                LogReadRecovered(reading.BusVolts);
                _failing = false;
            }

            if (power.DetectMainsLoss && _mainsLoss!.Sample(reading.BusVolts))
            {
                ReportMainsLoss(power, reading);
            }

            if (_undervoltage!.Sample(reading.BusVolts))
            {
                ReportUndervoltage(power, reading);
            }

            ReportFirstVerdict(power, reading);
        }
    }

    /// <summary>
    /// Once the supply has been read steadily for the hold time after start, says what it is, healthy or not: no
    /// news to the tracker, unless it clears a supply fault that healed while the gateway was off. A reading
    /// still inside a hysteresis band, or one a hold is still judging, waits for the next one.
    /// </summary>
    private void ReportFirstVerdict(PowerConfig power, Ina219Reading reading)
    {
        if (_firstVerdictGiven || time.GetElapsedTime(_startedAt) < power.Hold)
        {
            return;
        }

        var volts = reading.BusVolts;
        var mainsSettled = !power.DetectMainsLoss || (_mainsLoss!.IsActive ? volts < power.MainsLossBelowVolts : volts >= power.MainsRestoredAboveVolts);
        var underSettled = _undervoltage!.IsActive ? volts < power.UndervoltageBelowVolts : volts >= power.UndervoltageRestoredAboveVolts;
        if (!mainsSettled || !underSettled)
        {
            return;
        }

        _firstVerdictGiven = true;
        if (power.DetectMainsLoss)
        {
            ReportMainsLoss(power, reading);
        }

        ReportUndervoltage(power, reading);
    }

    private void ReportMainsLoss(PowerConfig power, Ina219Reading reading) =>
        Report(power, FaultCodes.PowerMainsLoss, _mainsLoss!.IsActive, reading, _mainsLoss.IsActive ? power.MainsLossBelowVolts : power.MainsRestoredAboveVolts);

    private void ReportUndervoltage(PowerConfig power, Ina219Reading reading) =>
        Report(power, FaultCodes.PowerUndervoltage, _undervoltage!.IsActive, reading, _undervoltage.IsActive ? power.UndervoltageBelowVolts : power.UndervoltageRestoredAboveVolts);

    private Ina219 OpenChip(PowerConfig power)
    {
        var device = buses.OpenI2c(new I2cConnectionSettings(power.I2cBus, power.Address));
        try
        {
            var chip = new Ina219(device, power.ShuntOhms, power.MaxCurrentAmps);
            chip.Configure();
            _device = device;
            return chip;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private void Report(PowerConfig power, string fault, bool active, Ina219Reading reading, double threshold)
    {
        var detail = JsonSerializer.SerializeToElement(
            new PowerFaultDetail(Math.Round(reading.BusVolts, 3), reading.CurrentAmps is { } a ? Math.Round(a, 4) : null, threshold),
            PowerJsonContext.Default.PowerFaultDetail);
        reporter.Report(new FaultObservation(power.DeviceId, DeviceKind.Power, fault, active, FaultObservation.DefaultSeverity(fault), time.GetUtcNow(), detail));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the supply on INA219 bus {Bus} address {Address}: mains loss below {MainsV} V, undervoltage below {UnderV} V")]
    private partial void LogWatching(int bus, int address, double mainsV, double underV);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the INA219 on I2C bus {Bus} address {Address} failed; retrying every interval")]
    private partial void LogReadFailed(int bus, int address, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "INA219 readable again; supply at {Volts} V")]
    private partial void LogReadRecovered(double volts);
}

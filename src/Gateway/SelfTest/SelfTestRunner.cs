using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.Globalization;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Validation;
using AfterSales.Gateway.Zones;
using Mcp3008 = Iot.Device.Adc.Mcp3008;

namespace AfterSales.Gateway.SelfTest;

/// <summary>
/// One pass over everything the configuration says is wired: each input, the INA219, each zone loop,
/// each serial panel, each PTZ head on the RS-485 bus and each camera, read once and judged against the same rules the watchers use. Prints one line per
/// item, <c>PASS</c> or <c>FAIL</c>, for the installer and the workshop test jig.
/// </summary>
internal sealed class SelfTestRunner(GatewayConfig config, GpioController? gpio, BoardBuses buses, ISerialLinkFactory links, CameraProbe cameras, TextWriter output)
{
    private int _failures;

    /// <summary>Runs every check; returns the number of failures.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        CheckInputs();
        CheckPower();
        CheckZones();
        await new SerialChecks(config, links, Report).RunAsync(cancellationToken);
        foreach (var camera in config.Cameras)
        {
            await CheckCameraAsync(camera, cancellationToken);
        }

        output.WriteLine(_failures == 0 ? "selftest: all checks passed" : Text($"selftest: {_failures} check(s) failed"));
        return _failures;
    }

    private void CheckInputs()
    {
        foreach (var input in config.Inputs)
        {
            var what = Text($"input pin {input.Pin} ({input.Name})");
            if (gpio is null)
            {
                Report(false, what, "GPIO is not available on this machine");
                continue;
            }

            try
            {
                if (!gpio.IsPinOpen(input.Pin))
                {
                    gpio.OpenPin(input.Pin, PinMode.InputPullUp);
                }

                var level = gpio.Read(input.Pin);
                var fault = ContactPolarity.IsFault(input.Contact, level);
                Report(!fault, what, fault ? $"reads {level}: {input.Fault} would be raised" : $"reads {level}: healthy");
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
            {
                Report(false, what, ex.Message);
            }
        }
    }

    private void CheckPower()
    {
        if (config.Power is not { } power)
        {
            return;
        }

        var what = Text($"INA219 on I2C bus {power.I2cBus} address 0x{power.Address:X2}");
        try
        {
            using var device = buses.OpenI2c(new I2cConnectionSettings(power.I2cBus, power.Address));
            var chip = new Ina219(device, power.ShuntOhms, power.MaxCurrentAmps);
            chip.Configure();
            if (chip.ReadRegister(Ina219.CalibrationRegister) != chip.Calibration)
            {
                Report(false, what, "the calibration register does not read back what was written");
                return;
            }

            var reading = chip.Read();
            var current = reading.CurrentAmps is { } a ? Text($"{a:0.000} A") : "current overflow";
            var fault = reading.BusVolts < power.UndervoltageBelowVolts ? "power.undervoltage"
                : power.DetectMainsLoss && reading.BusVolts < power.MainsLossBelowVolts ? "power.mains_loss"
                : null;
            Report(fault is null, what, Text($"{reading.BusVolts:0.000} V, {current}: {(fault is null ? "supply healthy" : $"{fault} would be raised")}"));
        }
        catch (Exception ex) when (BoardBuses.IsBusFailure(ex))
        {
            Report(false, what, ex.Message);
        }
    }

    private void CheckZones()
    {
        if (config.Zones is not { Channels.Count: > 0 } zones)
        {
            return;
        }

        try
        {
            using var device = buses.OpenSpi(new SpiConnectionSettings(zones.SpiBus, zones.ChipSelect) { ClockFrequency = zones.ClockHz, Mode = SpiMode.Mode0 });
            using var adc = new Mcp3008(device);
            foreach (var zone in zones.Channels)
            {
                var volts = AdcVolts.Of(adc.Read(zone.Channel), zones.ReferenceVolts);
                var state = zones.Bands.Classify(volts);
                var fault = ZoneFaults.Of(state);
                Report(fault is null, Text($"zone {zone.DeviceId} on MCP3008 channel {zone.Channel} ({zone.Name})"),
                    Text($"{volts:0.000} V: {ZoneStateNames.Of(state)}{(fault is null ? string.Empty : $", {fault} would be raised")}"));
            }
        }
        catch (Exception ex) when (AdcVolts.IsReadFailure(ex))
        {
            Report(false, Text($"MCP3008 on SPI {zones.SpiBus}.{zones.ChipSelect}"), ex.Message);
        }
    }

    private async Task CheckCameraAsync(CameraConfig camera, CancellationToken cancellationToken)
    {
        var round = await cameras.RunAsync(camera, cancellationToken);
        var what = Text($"{camera.Kind.ToString().ToLowerInvariant()} {camera.DeviceId} at {camera.Host}");
        Check(round.Ping, "ping");
        Check(round.Rtsp, "RTSP");
        if (round.Onvif is { } onvif)
        {
            var drifted = onvif.ClockDrift?.Duration() > camera.MaxClockDrift;
            Report(onvif.Passed && !drifted, $"{what} ONVIF", drifted ? $"{onvif.Summary}: camera.clock_drift would be raised" : onvif.Summary);
        }

        void Check(CheckResult? result, string name)
        {
            if (result is not null)
            {
                Report(result.Passed, $"{what} {name}", result.Summary);
            }
        }
    }

    private void Report(bool passed, string what, string detail)
    {
        _failures += passed ? 0 : 1;
        output.WriteLine($"{(passed ? "PASS" : "FAIL")}  {what}: {detail}");
    }

    private static string Text(FormattableString text) => FieldRules.Text(text);
}

using System.Device.I2c;
using System.Diagnostics;
using System.Globalization;
using AfterSales.Gateway.Simulation.Devices;
using Iot.Device.Adc;
using GatewayIna219 = AfterSales.Gateway.Power.Ina219;

namespace AfterSales.Benchmarks;

/// <summary>
/// What one supply reading costs the board with the gateway's INA219 driver and with Iot.Device.Adc.Ina219, both
/// configured the same (32 V, ±320 mV, 128-sample averaging) on the emulated chip behind the same I2C seam, so only
/// the drivers differ: wall time and CPU time per reading (bus volts, shunt volts, current).
/// </summary>
internal static class Ina219Benchmark
{
    public static void Run(int readings)
    {
        var settings = new I2cConnectionSettings(1, 0x40);
        using (var chip = new SimulatedIna219(settings))
        {
            var own = new GatewayIna219(chip, shuntOhms: 0.1, maxCurrentAmps: 3.2);
            own.Configure();
            Measure("gateway Ina219           ", readings, () => own.Read());
        }

        using var binding = new Ina219(new SimulatedIna219(settings))
        {
            BusVoltageRange = Ina219BusVoltageRange.Range32v,
            PgaSensitivity = Ina219PgaSensitivity.PlusOrMinus320mv,
            BusAdcResolutionOrSamples = Ina219AdcResolutionOrSamples.Adc128Sample,
            ShuntAdcResolutionOrSamples = Ina219AdcResolutionOrSamples.Adc128Sample,
        };
        binding.SetCalibration(4096, 0.0001f);
        Measure("Iot.Device.Adc.Ina219    ", readings, () => (binding.ReadBusVoltage(), binding.ReadShuntVoltage(), binding.ReadCurrent()));
    }

    private static void Measure<T>(string name, int readings, Func<T> read)
    {
        read();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < readings; i++)
        {
            read();
        }

        wall.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}({readings} readings): {wall.Elapsed.TotalMilliseconds / readings,8:F3} ms wall, {cpuMs / readings,8:F3} ms CPU per reading"));
    }
}

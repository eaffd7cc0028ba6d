using System.Buffers.Binary;
using System.Device.I2c;

namespace AfterSales.Gateway.Power;

/// <summary>
/// TI INA219 current/power monitor (datasheet SBOS448). Every register is 16 bits, sent most significant
/// byte first: a write is [pointer, MSB, LSB]; a read sets the pointer, then reads MSB, LSB.
/// Runs at 32 V bus range, PGA /8 (±320 mV shunt), 128-sample averaging on both ADCs, continuous.
/// </summary>
internal sealed class Ina219(I2cDevice device, double shuntOhms, double maxCurrentAmps)
{
    public const byte ConfigurationRegister = 0x00;
    public const byte ShuntVoltageRegister = 0x01;
    public const byte BusVoltageRegister = 0x02;
    public const byte CurrentRegister = 0x04;
    public const byte CalibrationRegister = 0x05;

    /// <summary>BRNG=1 (32 V) | PG=11 (/8, 320 mV) | BADC=1111 and SADC=1111 (128 samples, 68 ms) | MODE=111.</summary>
    public const ushort Configuration = 0x3FFF;

    /// <summary>The datasheet's fixed scaling constant of the calibration equation.</summary>
    private const double CalibrationScale = 0.04096;

    private const double BusVoltsPerBit = 0.004;
    private const double ShuntVoltsPerBit = 10e-6;
    private const ushort MathOverflowFlag = 0x0001;

    /// <summary>A round value at or above maxCurrent / 2^15, as the datasheet advises, so readings stay legible.</summary>
    public double CurrentLsbAmps { get; } = RoundUp125(maxCurrentAmps / 32768);

    /// <summary>trunc(0.04096 / (Current_LSB × R_shunt)), datasheet equation 1.</summary>
    public ushort Calibration => (ushort)Math.Min(0xFFFE, Math.Floor((CalibrationScale / (CurrentLsbAmps * shuntOhms)) + 1e-9));

    public void Configure()
    {
        WriteRegister(ConfigurationRegister, Configuration);
        WriteRegister(CalibrationRegister, Calibration);
    }

    public Ina219Reading Read()
    {
        // A brown-out resets the chip to its power-on defaults, calibration 0, and the current reads 0 forever.
        if (ReadRegister(CalibrationRegister) != Calibration)
        {
            Configure();
        }

        var bus = ReadRegister(BusVoltageRegister);
        var shunt = (short)ReadRegister(ShuntVoltageRegister);
        var current = (short)ReadRegister(CurrentRegister);
        var busVolts = (bus >> 3) * BusVoltsPerBit;
        var overflow = (bus & MathOverflowFlag) != 0;
        return new Ina219Reading(busVolts, shunt * ShuntVoltsPerBit, overflow ? null : current * CurrentLsbAmps);
    }

    public ushort ReadRegister(byte register)
    {
        Span<byte> value = stackalloc byte[2];
        device.WriteRead([register], value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }

    private void WriteRegister(byte register, ushort value)
    {
        Span<byte> frame = [register, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(frame[1..], value);
        device.Write(frame);
    }

    private static double RoundUp125(double minimum)
    {
        var decade = Math.Pow(10, Math.Floor(Math.Log10(minimum)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 5, 10])
        {
            if (step * decade >= minimum * (1 - 1e-9))
            {
                return step * decade;
            }
        }

        return 10 * decade;
    }
}

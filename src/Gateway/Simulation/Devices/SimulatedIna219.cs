using System.Buffers.Binary;
using System.Device.I2c;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>
/// An INA219 behind the <see cref="I2cDevice"/> seam, register for register: pointer writes, 16-bit
/// big-endian registers, power-on defaults (configuration 0x399F, calibration 0), the current register
/// derived from shunt voltage and calibration as the chip does it (datasheet equation 4). A wrong-length
/// transaction throws, as a NAK on the real bus would surface.
/// </summary>
internal sealed class SimulatedIna219(I2cConnectionSettings settings) : I2cDevice
{
    public const ushort PowerOnConfiguration = 0x399F;

    private readonly Lock _lock = new();
    private readonly ushort[] _registers = new ushort[6];
    private byte _pointer;
    private double _busVolts = 13.8;
    private double _shuntVolts = 0.025;

    public override I2cConnectionSettings ConnectionSettings => settings;

    public double BusVolts
    {
        get { lock (_lock) { return _busVolts; } }
        set { lock (_lock) { _busVolts = value; } }
    }

    public double ShuntVolts
    {
        get { lock (_lock) { return _shuntVolts; } }
        set { lock (_lock) { _shuntVolts = value; } }
    }

    /// <summary>The chip brown-out: all registers back to power-on values.</summary>
    public void PowerCycle()
    {
        lock (_lock)
        {
            Array.Clear(_registers);
            _registers[0] = PowerOnConfiguration;
            _pointer = 0;
        }
    }

    public ushort Register(byte pointer)
    {
        lock (_lock)
        {
            return Compute(pointer);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            if (buffer.Length is not (1 or 3) || buffer[0] > 5)
            {
                throw new IOException($"INA219 NAK: {buffer.Length}-byte write to pointer {(buffer.Length > 0 ? buffer[0] : -1)}");
            }

            _pointer = buffer[0];
            if (buffer.Length == 3)
            {
                WriteRegister(_pointer, BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]));
            }
        }
    }

    public override void Read(Span<byte> buffer)
    {
        lock (_lock)
        {
            if (buffer.Length != 2)
            {
                throw new IOException($"INA219 registers are 2 bytes; {buffer.Length} requested");
            }

            BinaryPrimitives.WriteUInt16BigEndian(buffer, Compute(_pointer));
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override byte ReadByte() => throw new IOException("INA219 registers are read two bytes at a time");

    private void WriteRegister(byte pointer, ushort value)
    {
        switch (pointer)
        {
            case 0 when (value & 0x8000) != 0:
                Array.Clear(_registers);
                _registers[0] = PowerOnConfiguration;
                break;
            case 0:
                _registers[0] = value;
                break;
            case 5:
                // Bit 0 of the calibration register is not used and always reads 0.
                _registers[5] = (ushort)(value & 0xFFFE);
                break;
            default:
                throw new IOException($"INA219 register {pointer} is read-only");
        }
    }

    private ushort Compute(byte pointer)
    {
        var shuntRaw = (short)Math.Clamp(Math.Round(_shuntVolts / 10e-6), -32000, 32000);
        var current = (int)shuntRaw * _registers[5] / 4096;
        var busRaw = (ushort)Math.Clamp(Math.Round(_busVolts / 0.004), 0, 8191);
        var overflow = current is > short.MaxValue or < short.MinValue;
        return pointer switch
        {
            0 => _registers[0],
            1 => (ushort)shuntRaw,
            // CNVR (bit 1) set: a conversion is always complete in the simulation.
            2 => (ushort)((busRaw << 3) | 0x0002 | (overflow ? 0x0001 : 0)),
            3 => (ushort)Math.Clamp(Math.Abs(current) * busRaw * 8 / 5000, 0, ushort.MaxValue),
            4 => (ushort)(short)Math.Clamp(current, short.MinValue, short.MaxValue),
            5 => _registers[5],
            _ => throw new IOException($"INA219 has no register {pointer}"),
        };
    }
}

using System.Device.Spi;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>
/// An MCP3008 behind the <see cref="SpiDevice"/> seam, emulated bit by bit as the datasheet's figure 6-1
/// clocks it: leading zeros, a start bit, SGL/DIFF and D2..D0, one sample clock, a null bit, B9..B0 MSB
/// first, then B1..B9 LSB first, then zeros. Undefined bits (DOUT high-Z) read as 1, so a driver that
/// forgets to mask them gets wrong values. One transfer is one chip-select period.
/// </summary>
internal sealed class SimulatedMcp3008(SpiConnectionSettings settings, double referenceVolts = 3.3) : SpiDevice
{
    private readonly Lock _lock = new();
    private readonly double[] _volts = new double[8];

    public override SpiConnectionSettings ConnectionSettings => settings;

    public void SetVolts(int channel, double volts)
    {
        lock (_lock)
        {
            _volts[channel] = volts;
        }
    }

    /// <summary>The 10-bit code for a voltage: round(V × 1024 / Vref), clipped to 0–1023.</summary>
    public int CodeFor(double volts) => (int)Math.Clamp(Math.Round(volts * 1024 / referenceVolts), 0, 1023);

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException("Full-duplex buffers must be the same length.", nameof(readBuffer));
        }

        readBuffer.Clear();
        int? start = null;
        var config = 0;
        var code = 0;
        for (var clock = 0; clock < writeBuffer.Length * 8; clock++)
        {
            var din = (writeBuffer[clock / 8] >> (7 - (clock % 8))) & 1;
            var dout = 1;
            if (start is null)
            {
                start = din == 1 ? clock : null;
            }
            else
            {
                var after = clock - start.Value;
                if (after <= 4)
                {
                    config = (config << 1) | din;
                    code = after == 4 ? Convert(config) : code;
                }
                else
                {
                    dout = after switch
                    {
                        5 => 1,
                        6 => 0,
                        <= 16 => (code >> (16 - after)) & 1,
                        <= 25 => (code >> (after - 16)) & 1,
                        _ => 0,
                    };
                }
            }

            readBuffer[clock / 8] |= (byte)(dout << (7 - (clock % 8)));
        }
    }

    public override void Read(Span<byte> buffer) => TransferFullDuplex(new byte[buffer.Length], buffer);

    public override void Write(ReadOnlySpan<byte> buffer) => TransferFullDuplex(buffer, new byte[buffer.Length]);

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void WriteByte(byte value) => Write([value]);

    private int Convert(int config)
    {
        lock (_lock)
        {
            var channel = config & 0x07;
            var singleEnded = (config & 0x08) != 0;

            // Differential pairs (table 5-2): CH0/CH1, CH2/CH3...; bit 0 picks which input is IN+.
            var volts = singleEnded ? _volts[channel] : _volts[channel] - _volts[channel ^ 1];
            return CodeFor(volts);
        }
    }
}

using System.Device.Spi;

namespace AfterSales.Gateway.Zones;

/// <summary>
/// Microchip MCP3008 8-channel 10-bit ADC (datasheet DS21295, §6.1, figure 6-1): three bytes full duplex.
/// Sent: 0x01 (start bit last), then SGL/DIFF and D2..D0 in the top nibble, then a don't-care byte.
/// Received: byte 1 ends with a null bit and B9 B8, byte 2 is B7..B0; every other bit is undefined.
/// </summary>
internal sealed class Mcp3008(SpiDevice device)
{
    public const int Channels = 8;
    public const int FullScale = 1023;

    public int Read(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        ReadOnlySpan<byte> command = [0x01, (byte)(0x80 | (channel << 4)), 0x00];
        Span<byte> answer = stackalloc byte[3];
        device.TransferFullDuplex(command, answer);
        return ((answer[1] & 0x03) << 8) | answer[2];
    }

    /// <summary>The code scaled to volts: code × Vref / 1024 (datasheet equation 4-2).</summary>
    public double ReadVolts(int channel, double referenceVolts) => Read(channel) * referenceVolts / 1024;
}

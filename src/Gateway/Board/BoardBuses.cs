using System.Device.I2c;
using System.Device.Spi;

namespace AfterSales.Gateway.Board;

/// <summary>
/// Opens the board's I2C and SPI devices. The real board uses the Linux drivers (/dev/i2c-N,
/// /dev/spidevB.C); <c>--simulate</c> and the tests hand out emulated chips through the same seam.
/// </summary>
internal sealed class BoardBuses(Func<I2cConnectionSettings, I2cDevice> openI2c, Func<SpiConnectionSettings, SpiDevice> openSpi)
{
    public static BoardBuses Linux { get; } = new(I2cDevice.Create, SpiDevice.Create);

    public I2cDevice OpenI2c(I2cConnectionSettings settings) => openI2c(settings);

    public SpiDevice OpenSpi(SpiConnectionSettings settings) => openSpi(settings);

    /// <summary>
    /// What a missing or misbehaving bus throws: no such /dev node, no permission, a NAK, a board without
    /// the bus. Watchers log these and retry; anything else is a bug and should surface.
    /// </summary>
    public static bool IsBusFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException;
}

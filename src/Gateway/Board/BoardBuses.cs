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
}

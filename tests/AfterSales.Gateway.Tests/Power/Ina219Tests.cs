using System.Device.I2c;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;

namespace AfterSales.Gateway.Tests.Power;

public sealed class Ina219Tests
{
    [Fact]
    public void Configure_DefaultShunt_WritesConfigurationThenCalibrationMsbFirst()
    {
        var chip = new ScriptedI2cDevice([]);

        new Ina219(chip, shuntOhms: 0.1, maxCurrentAmps: 3.2).Configure();

        // 32 V, /8, 128-sample averaging, continuous; Current_LSB = 100 µA → Cal = 0.04096 / (100 µA × 0.1 Ω) = 4096.
        Assert.Equal([[0x00, 0x3F, 0xFF], [0x05, 0x10, 0x00]], chip.Writes);
    }

    [Theory]
    [InlineData(0.5, 0.6, 20e-6, 4096)]
    [InlineData(0.1, 3.2, 100e-6, 4096)]
    [InlineData(0.01, 20.0, 1e-3, 4096)]
    [InlineData(0.1, 1.0, 50e-6, 8192)]
    [InlineData(0.1, 2.0, 100e-6, 4096)]
    public void Calibration_FollowsTheDatasheetEquation(double shuntOhms, double maxAmps, double lsb, int calibration)
    {
        var ina = new Ina219(new ScriptedI2cDevice([]), shuntOhms, maxAmps);

        Assert.Equal(lsb, ina.CurrentLsbAmps, 12);
        Assert.Equal(calibration, ina.Calibration);
    }

    [Theory]
    [InlineData(new byte[] { 0x7D, 0x00 }, 0.320)]
    [InlineData(new byte[] { 0x83, 0x00 }, -0.320)]
    [InlineData(new byte[] { 0x00, 0x01 }, 0.00001)]
    [InlineData(new byte[] { 0xFF, 0xFF }, -0.00001)]
    public void Read_ShuntRegister_IsSignedTenMicrovoltsPerBit(byte[] raw, double volts)
    {
        var chip = Chip(shunt: raw);

        Assert.Equal(volts, new Ina219(chip, 0.1, 3.2).Read().ShuntVolts, 9);
    }

    [Theory]
    [InlineData(new byte[] { 0x5D, 0xC2 }, 12.000)]
    [InlineData(new byte[] { 0x6B, 0xD2 }, 13.800)]
    [InlineData(new byte[] { 0x00, 0x0A }, 0.004)]
    [InlineData(new byte[] { 0xFF, 0xFA }, 32.764)]
    public void Read_BusRegister_DropsTheThreeFlagBitsAndScalesFourMillivolts(byte[] raw, double volts)
    {
        var chip = Chip(bus: raw);

        Assert.Equal(volts, new Ina219(chip, 0.1, 3.2).Read().BusVolts, 6);
    }

    [Fact]
    public void Read_CurrentRegister_SignedTimesCurrentLsb()
    {
        var chip = Chip(current: [0xFE, 0x0C]);

        Assert.Equal(-0.05, new Ina219(chip, 0.1, 3.2).Read().CurrentAmps!.Value, 9);
    }

    [Fact]
    public void Read_MathOverflowFlag_CurrentUnknown()
    {
        var chip = Chip(bus: [0x5D, 0xC3]);

        var reading = new Ina219(chip, 0.1, 3.2).Read();

        Assert.Null(reading.CurrentAmps);
        Assert.Equal(12.0, reading.BusVolts, 6);
    }

    [Fact]
    public void Read_EmulatedChip_MatchesWhatTheSupplyDoes()
    {
        var chip = new SimulatedIna219(new I2cConnectionSettings(1, 0x40)) { BusVolts = 13.72, ShuntVolts = 0.0425 };
        var ina = new Ina219(chip, 0.1, 3.2);
        ina.Configure();

        var reading = ina.Read();

        Assert.Equal(13.72, reading.BusVolts, 3);
        Assert.Equal(0.425, reading.CurrentAmps!.Value, 4);
        Assert.Equal(0x6B30 | 0x0002, chip.Register(Ina219.BusVoltageRegister) & 0xFFFF);
    }

    [Fact]
    public void Read_ChipBrownedOut_RecalibratesSoCurrentIsNotStuckAtZero()
    {
        var chip = new SimulatedIna219(new I2cConnectionSettings(1, 0x40)) { ShuntVolts = 0.030 };
        var ina = new Ina219(chip, 0.1, 3.2);
        ina.Configure();

        chip.PowerCycle();
        var reading = ina.Read();

        Assert.Equal(0.3, reading.CurrentAmps!.Value, 4);
        Assert.Equal(Ina219.Configuration, chip.Register(Ina219.ConfigurationRegister));
    }

    private static ScriptedI2cDevice Chip(byte[]? bus = null, byte[]? shunt = null, byte[]? current = null) => new(new Dictionary<byte, byte[]>
    {
        [Ina219.ShuntVoltageRegister] = shunt ?? [0, 0],
        [Ina219.BusVoltageRegister] = bus ?? [0x5D, 0xC2],
        [Ina219.CurrentRegister] = current ?? [0, 0],
        [Ina219.CalibrationRegister] = [0x10, 0x00],
    });
}

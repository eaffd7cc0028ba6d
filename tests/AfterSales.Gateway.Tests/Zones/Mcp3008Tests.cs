using System.Device.Spi;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;
using Iot.Device.Adc;

namespace AfterSales.Gateway.Tests.Zones;

public sealed class Mcp3008Tests
{
    [Theory]
    [InlineData(0, 0x80)]
    [InlineData(1, 0x90)]
    [InlineData(5, 0xD0)]
    [InlineData(7, 0xF0)]
    public void Read_Channel_SendsStartBitThenSingleEndedChannelNibbleThenPadding(int channel, byte second)
    {
        var spi = new ScriptedSpiDevice([0, 0, 0]);

        new Mcp3008(spi).Read(channel);

        Assert.Equal([new byte[] { 0x01, second, 0x00 }], spi.Sent);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFA, 0xBC }, 700)]
    [InlineData(new byte[] { 0xFF, 0xF8, 0x00 }, 0)]
    [InlineData(new byte[] { 0x00, 0x03, 0xFF }, 1023)]
    [InlineData(new byte[] { 0xAA, 0xF9, 0x00 }, 256)]
    public void Read_Answer_TakesB9B8FromTheSecondByteLowBitsAndIgnoresUndefinedBits(byte[] answer, int code)
    {
        Assert.Equal(code, new Mcp3008(new ScriptedSpiDevice(answer)).Read(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void Read_ChannelOutOfRange_Throws(int channel)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp3008(new ScriptedSpiDevice([0, 0, 0])).Read(channel));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.65, 512)]
    [InlineData(3.3, 1023)]
    [InlineData(2.2, 683)]
    public void Read_EmulatedChip_ReturnsTheCodeOfTheVoltage(double volts, int code)
    {
        var chip = new SimulatedMcp3008(new SpiConnectionSettings(0, 0));
        chip.SetVolts(3, volts);

        Assert.Equal(code, new Mcp3008(chip).Read(3));
    }

    [Fact]
    public void EmulatedChip_StandardFrame_AnswersNullBitThenMsbFirstAndHighZElsewhere()
    {
        var chip = new SimulatedMcp3008(new SpiConnectionSettings(0, 0));
        chip.SetVolts(2, 700 * 3.3 / 1024);
        var answer = new byte[3];

        chip.TransferFullDuplex([0x01, 0xA0, 0x00], answer);

        // 700 = 0b10_1011_1100: byte 1 = high-Z ×5, null 0, B9 B8 = 1 0; byte 2 = B7..B0.
        Assert.Equal(new byte[] { 0xFF, 0xFA, 0xBC }, answer);
    }

    [Fact]
    public void EmulatedChip_LeadingZerosAndExtraClocks_AnswersMsbThenLsbFirstLikeTheDatasheet()
    {
        var chip = new SimulatedMcp3008(new SpiConnectionSettings(0, 0));
        chip.SetVolts(0, 700 * 3.3 / 1024);
        var answer = new byte[4];

        // Start bit as the first bit clocked: 1, SGL, D2..D0 = 000, then 27 more clocks.
        chip.TransferFullDuplex([0xC0, 0x00, 0x00, 0x00], answer);

        // Clocks 0-4 high-Z, 5 high-Z (sample), 6 null, 7-16 B9..B0, 17-25 B1..B9, then zeros.
        var bits = string.Concat(answer.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        Assert.Equal("111111" + "0" + "1010111100" + "011110101" + "000000", bits);
    }
}

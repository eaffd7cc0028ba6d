using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Simulation;

namespace AfterSales.Gateway.Tests.Simulation;

public sealed class SimulationCommandTests
{
    [Theory]
    [InlineData("fault 17", 17, true)]
    [InlineData("  normal   22 ", 22, false)]
    public void TryParse_PinCommand_YieldsPinAndCondition(string line, int pin, bool fault)
    {
        var condition = fault ? InputCondition.Fault : InputCondition.Normal;
        Assert.True(SimulationCommand.TryParse(line, out var command, out _));
        Assert.False(command.Quit);
        Assert.Equal(pin, command.Pin);
        Assert.Equal(condition, command.Condition);
    }

    [Fact]
    public void TryParse_Quit_YieldsQuit()
    {
        Assert.True(SimulationCommand.TryParse("quit", out var command, out _));
        Assert.True(command.Quit);
    }

    [Fact]
    public void TryParse_Burst_YieldsEventCount()
    {
        Assert.True(SimulationCommand.TryParse("burst 10000", out var command, out _));
        Assert.Equal(10_000, command.Burst);
    }

    [Theory]
    [InlineData("burst 0")]
    [InlineData("burst -5")]
    [InlineData("burst many")]
    public void TryParse_BurstWithoutPositiveCount_ExplainsWhy(string line)
    {
        Assert.False(SimulationCommand.TryParse(line, out _, out var error));
        Assert.Contains("event count", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open 17")]
    [InlineData("fault")]
    [InlineData("fault seventeen")]
    [InlineData("fault 17 18")]
    public void TryParse_UnknownOrMalformed_ExplainsWhy(string line)
    {
        Assert.False(SimulationCommand.TryParse(line, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}

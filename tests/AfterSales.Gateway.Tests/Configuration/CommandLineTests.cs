using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Tests.Configuration;

public sealed class CommandLineTests
{
    [Fact]
    public void TryParse_NoArguments_UsesPackagedDefault()
    {
        Assert.True(CommandLine.TryParse([], null, out var result, out _));
        Assert.Equal("/etc/aftersales/gateway.json", result.ConfigPath);
        Assert.False(result.Simulate);
    }

    [Fact]
    public void TryParse_EnvironmentSet_OverridesDefault()
    {
        Assert.True(CommandLine.TryParse(["--simulate"], "/tmp/gw.json", out var result, out _));
        Assert.Equal("/tmp/gw.json", result.ConfigPath);
        Assert.True(result.Simulate);
    }

    [Fact]
    public void TryParse_ConfigFlag_OverridesEnvironment()
    {
        Assert.True(CommandLine.TryParse(["--config", "./gw.json", "--simulate"], "/tmp/gw.json", out var result, out _));
        Assert.Equal("./gw.json", result.ConfigPath);
    }

    [Fact]
    public void TryParse_SimulateBoard_SimulatesOnlyTheBoard()
    {
        Assert.True(CommandLine.TryParse(["--simulate-board"], null, out var result, out _));
        Assert.Equal(SimulationScope.Board, result.Simulation);
        Assert.True(CommandLine.TryParse(["--simulate"], null, out result, out _));
        Assert.Equal(SimulationScope.Site, result.Simulation);
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("--verbose")]
    [InlineData("--simulate", "--simulate-board")]
    public void TryParse_BadArguments_Fails(params string[] args)
    {
        Assert.False(CommandLine.TryParse(args, null, out _, out var error));
        Assert.NotEmpty(error);
    }
}

using AfterSales.Gateway.Simulation;

namespace AfterSales.Gateway.Tests.Configuration;

public sealed class CommandLineTests
{
    [Fact]
    public void TryParse_NoArguments_UsesPackagedDefault()
    {
        Assert.True(CommandLine.TryParse([], null, out var result, out _));
        Assert.Equal("/etc/aftersales/gateway.json", result.ConfigPath);
    }

    [Fact]
    public void TryParse_SimulateOnTheGateway_IsRefused()
    {
        // The board's gateway carries no simulator: --simulate belongs to AfterSales.Gateway.Simulation.
        Assert.False(CommandLine.TryParse(["--simulate"], null, out _, out var error));
        Assert.Equal("unknown argument '--simulate'", error);
    }

    [Fact]
    public void TryParse_EnvironmentSet_OverridesDefault()
    {
        Assert.True(SimulatorCommandLine.TryParse(["--simulate"], "/tmp/gw.json", out var result, out _));
        Assert.Equal("/tmp/gw.json", result.ConfigPath);
        Assert.Equal(SimulationScope.Site, result.Scope);
    }

    [Fact]
    public void TryParse_ConfigFlag_OverridesEnvironment()
    {
        Assert.True(SimulatorCommandLine.TryParse(["--config", "./gw.json", "--simulate"], "/tmp/gw.json", out var result, out _));
        Assert.Equal("./gw.json", result.ConfigPath);
    }

    [Fact]
    public void TryParse_SimulateBoard_SimulatesOnlyTheBoard()
    {
        Assert.True(SimulatorCommandLine.TryParse(["--simulate-board"], null, out var result, out _));
        Assert.Equal(SimulationScope.Board, result.Scope);
        Assert.True(SimulatorCommandLine.TryParse(["--simulate"], null, out result, out _));
        Assert.Equal(SimulationScope.Site, result.Scope);
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("--verbose")]
    [InlineData("--simulate", "--simulate-board")]
    public void TryParse_BadArguments_Fails(params string[] args)
    {
        Assert.False(SimulatorCommandLine.TryParse(args, null, out _, out var error));
        Assert.NotEmpty(error);
    }
}

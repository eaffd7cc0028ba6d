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

    [Theory]
    [InlineData("--config")]
    [InlineData("--verbose")]
    public void TryParse_BadArguments_Fails(string arg)
    {
        Assert.False(CommandLine.TryParse([arg], null, out _, out var error));
        Assert.NotEmpty(error);
    }
}

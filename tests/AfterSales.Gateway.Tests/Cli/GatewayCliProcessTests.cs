using System.Diagnostics;

namespace AfterSales.Gateway.Tests.Cli;

/// <summary>The command line as an operator meets it: the real program, run as a process.</summary>
public sealed class GatewayCliProcessTests
{
    private const int UsageError = 2;

    [Theory]
    [InlineData("--help")]
    [InlineData("status", "--help")]
    [InlineData("selftest", "--help")]
    [InlineData("decode", "--help")]
    public async Task Help_EveryCommand_DescribesItsOptionsAndExitsZero(params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--version", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsSelftestAndTheOtherCommandsWithADescription()
    {
        var (_, output) = await RunAsync("--help");

        foreach (var command in new[] { "status", "selftest", "decode" })
        {
            Assert.Matches($@"\n\s+{command}\s+\S.+", output);
        }

        Assert.Matches(@"--config <PATH>\s+\S", output);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("status", "--version")]
    [InlineData("selftest", "--version")]
    [InlineData("decode", "--version")]
    public async Task Version_EveryCommand_PrintsTheStampedVersion(params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Theory]
    [InlineData("--simulate")]
    [InlineData("bogus")]
    [InlineData("--config")]
    [InlineData("decode", "--protocol", "dsc-it100")]
    [InlineData("status", "--verbose")]
    public async Task WrongUse_AnsweredWithUsageAndExitTwo_NothingStarted(params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(UsageError, exit);
        Assert.Contains("usage:", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Connecting", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AfterSales.Gateway.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A wrong command line must not start anything, whatever config the machine has.
        info.Environment["AFTERSALES_GATEWAY_CONFIG"] = "/nonexistent/gateway.json";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}

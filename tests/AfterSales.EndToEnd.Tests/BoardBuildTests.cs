using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The build that goes on a board — self-contained, trimmed, ReadyToRun (<c>-p:PublishProfile=board</c>) — runs the
/// same fault-to-ticket path. Trimming removes code nothing seems to call; this proves the gateway still connects,
/// reads its config, raises and clears, and answers <c>status</c> without the code it lost.
/// </summary>
public sealed class BoardBuildTests : FaultToTicketScenario
{
    protected override bool ExternalBroker => true;

    protected override async Task<string?> GatewayExecutableAsync() => await BoardBuild.Executable.Value;

    [Fact]
    public async Task StatusCommand_BoardBuild_ReportsTheRunningGateway()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true, await BoardBuild.Executable.Value);
        deployment.StartGateway();
        await deployment.WaitForGatewayConnectedAsync();

        // The status file is rewritten every few seconds; ask until it has caught up with the connection.
        var (exitCode, output) = (0, string.Empty);
        await Poll.UntilAsync(async () =>
        {
            (exitCode, output) = await deployment.GatewayStatusAsync();
            return output.Contains("connected since", StringComparison.Ordinal);
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains($"gateway     {Deployment.GatewayId} (site {Deployment.SiteId}): running", output, StringComparison.Ordinal);
        Assert.Contains("connected since", output, StringComparison.Ordinal);
    }

    /// <summary>Published once per test run, for this machine's processor, into a temporary folder.</summary>
    private static class BoardBuild
    {
        public static readonly Lazy<Task<string>> Executable = new(PublishAsync);

        private static async Task<string> PublishAsync()
        {
            var output = Path.Combine(Directory.CreateTempSubdirectory("aftersales-board-").FullName, "gateway");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            string[] arguments = ["publish", Path.Combine(Deployment.RepoRoot(), "src", "Gateway"), "-p:PublishProfile=board", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output];
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            // The test host's own MSBuild settings must not leak into a separate build.
            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(name);
            }

            using var publish = Process.Start(info)!;
            var log = publish.StandardOutput.ReadToEndAsync();
            var errors = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            Assert.True(publish.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{await log}\n{await errors}");
            return Path.Combine(output, "AfterSales.Gateway");
        }
    }
}

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The build that goes on a board — self-contained, trimmed, ReadyToRun (<c>-p:PublishProfile=board</c>) — runs the
/// same fault-to-ticket path. Trimming removes code nothing seems to call; this proves the gateway still connects,
/// reads its config, raises and clears, and answers <c>status</c> without the code it lost.
/// </summary>
public sealed class BoardBuildTests : FaultToTicketScenario
{
    /// <summary>Published once per test run, for this machine's processor, into a temporary folder.</summary>
    private static readonly Lazy<Task<string>> BoardBuild = new(() => PublishedGateway.PublishAsync("board"));

    protected override bool ExternalBroker => true;

    protected override async Task<string?> GatewayExecutableAsync() => await BoardBuild.Value;

    [Fact]
    public async Task StatusCommand_BoardBuild_ReportsTheRunningGateway()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true, await BoardBuild.Value);
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
}

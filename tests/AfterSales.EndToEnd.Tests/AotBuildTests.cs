namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The gateway compiled ahead of time (<c>-p:PublishProfile=aot</c>: NativeAOT, no JIT, no IL) runs the same
/// fault-to-ticket path as the board build: its IP panel's DC-09 frames over TCP become a ticket opened and restored,
/// with the cloud's signed site config applied, and <c>status</c> answers. What AOT compilation cut or could not
/// generate (reflection, JSON, MQTTnet, SQLite) would fail here.
/// </summary>
public sealed class AotBuildTests : FaultToTicketScenario
{
    private static readonly Lazy<Task<string>> AotBuild = new(() => PublishedGateway.PublishAsync("aot"));

    protected override bool ExternalBroker => true;

    protected override async Task<string?> GatewayExecutableAsync() => await AotBuild.Value;

    [Fact]
    public async Task AotBuild_AppliesTheSignedSiteConfigAndAnswersStatus()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true, await AotBuild.Value);
        deployment.StartGateway();
        await deployment.WaitForGatewayConnectedAsync();

        var applied = await Poll.UntilAsync(() => Task.FromResult(deployment.Gateway!.Output.Contains("Site config version ", StringComparison.Ordinal)
            && deployment.Gateway.Output.Contains(" applied", StringComparison.Ordinal)));
        Assert.True(applied, "the AOT gateway did not apply the cloud's signed config.\n" + deployment.Diagnostics());
        var (exitCode, output) = (0, string.Empty);
        await Poll.UntilAsync(async () =>
        {
            (exitCode, output) = await deployment.GatewayStatusAsync();
            return output.Contains("connected since", StringComparison.Ordinal) && output.Contains("site config version", StringComparison.Ordinal);
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains($"gateway     {Deployment.GatewayId} (site {Deployment.SiteId}): running", output, StringComparison.Ordinal);
        Assert.Contains("events      ", output, StringComparison.Ordinal);
    }
}

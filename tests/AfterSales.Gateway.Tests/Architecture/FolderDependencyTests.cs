using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Simulation;

namespace AfterSales.Gateway.Tests.Architecture;

/// <summary>The gateway's folders depend one way (docs/architecture.md, "# Gateway"): no cycle, no mutual pair.</summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Gateway = new(() =>
        FolderGraph.Of(typeof(GatewayConfig).Assembly.Location, typeof(SimulationConfig).Assembly.Location));

    [Fact]
    public void GatewayFolders_Compiled_HaveNoCycleAndNoMutualPair()
    {
        var cycles = Gateway.Value.Cycles();

        Assert.True(cycles.Count == 0, "folders of src/Gateway that depend on each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void GatewayFolders_Compiled_OnlyTheHostAndTheSimulatorSitAboveConfiguration()
    {
        var graph = Gateway.Value;

        // The graph is real (a vacuous one would pass the test above): the uplink drains the outbox through its own port.
        Assert.True(graph.DependsOn("Outbox", "Uplink"));
        Assert.False(graph.DependsOn("Uplink", "Outbox"));
        Assert.All(graph.Folders.Where(f => f is not (FolderGraph.Root or "Simulation" or "SelfTest" or "Status" or "Enrolment")), folder =>
            Assert.False(graph.DependsOn(folder, "Configuration"), $"{folder} takes the whole gateway.json; give it its own part"));
        Assert.All(graph.Folders, folder => Assert.False(graph.DependsOn(folder, "Simulation") && folder != "Simulation", $"{folder} uses the simulator"));
    }

    [Fact]
    public void FolderGraph_MutualPair_IsReportedWithTheEdgesBehindIt()
    {
        var graph = new FolderGraph();
        graph.Add("Faults", "Uplink", "FaultReporter->IEventQueue");
        graph.Add("Uplink", "Faults", "MqttUplink->FaultTracker");
        graph.Add("Uplink", "Identity", "MqttUplink->GatewayVersion");

        var cycle = Assert.Single(graph.Cycles());

        Assert.Contains("cycle of 2: Faults, Uplink", cycle, StringComparison.Ordinal);
        Assert.Contains("Faults -> Uplink: FaultReporter->IEventQueue", cycle, StringComparison.Ordinal);
    }
}

using System.Globalization;
using AfterSales.Cloud.Tests.Storage;
using Xunit.Abstractions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The several-node deployment under real failures (docs/ingest.md, "Several nodes"): two cloud
/// nodes share one PostgreSQL database and one external Mosquitto (never anonymous, persistent
/// sessions) through a shared subscription. During a burst from several gateways one node or the
/// other is SIGKILLed and started again under its own broker client id, and the broker is restarted
/// twice. Afterwards every event a gateway took is applied once, in order per device. Scaled for CI;
/// AFTERSALES_FAULT_FULL=1 runs the figures.
/// </summary>
public sealed class SharedNodesFaultInjectionTests(ITestOutputHelper output, PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan DrainPatience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task NodesSigkilledAndBrokerRestartedDuringABurst_NothingLostNothingDuplicatedOrderKept()
    {
        var full = Environment.GetEnvironmentVariable("AFTERSALES_FAULT_FULL") == "1";
        var (sites, events, rounds) = full ? (10, 20_000, 12) : (4, 1_600, 4);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"2 nodes, {sites} gateways, {events} events, {rounds} rounds (a node SIGKILLed each, the broker restarted in two), random seed {seed}");

        await using var fleet = await CloudFleet.StartSharedAsync(sites, nodes: 2, await postgres.CreateDatabaseAsync());
        await fleet.StartCloudAsync();
        var ledgers = Enumerable.Range(0, sites).Select(_ => new BurstLedger()).ToList();
        for (var i = 0; i < sites; i++)
        {
            fleet.StartGateway(i, ledgers[i].Observe);
        }

        await WaitAsync(() => ledgers.All(l => l.Connected >= 1), "every gateway connected", fleet);

        // Each round every gateway takes its share of the burst; at a random moment one node dies and
        // comes back under its own client id (as systemd's Restart=always brings it back). In two of
        // the rounds the broker is restarted as well, while the events stream in.
        var brokerRounds = new HashSet<int> { rounds / 3, 2 * rounds / 3 };
        var perRound = events / sites / rounds;
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < sites; i++)
            {
                await fleet.Gateway(i).WriteLineAsync("burst " + perRound.ToString(CultureInfo.InvariantCulture));
            }

            await Task.Delay(random.Next(0, 1500));
            var node = random.Next(fleet.Nodes);
            fleet.KillNode(node);
            if (brokerRounds.Contains(round))
            {
                await fleet.RestartBrokerAsync();
            }

            await fleet.StartNodeAsync(node);
        }

        await WaitAsync(() => ledgers.All(l => l.BurstsDone >= rounds), "every burst taken by its gateway", fleet);
        FleetAudit? audit = null;
        var drained = await Poll.UntilAsync(
            () =>
            {
                audit = FleetAudit.Take(fleet, ledgers);
                return Task.FromResult(audit.Drained);
            },
            DrainPatience);
        audit ??= FleetAudit.Take(fleet, ledgers);
        output.WriteLine($"after {rounds} node kills and 2 broker restarts: {audit}");

        var context = $"{audit}\n{fleet.Diagnostics()}";
        Assert.True(drained, "not everything arrived: " + context);
        Assert.Equal(sites * perRound * rounds, audit.Sent);
        Assert.True(audit.Lost == 0, "events lost: " + context);
        Assert.True(audit.Duplicated == 0, "events applied twice: " + context);
        Assert.True(audit.OrderViolations == 0, "per-device order broken: " + context);
        Assert.True(audit.Stale == 0, "stale occurrences: " + context);
    }

    private static async Task WaitAsync(Func<bool> condition, string what, CloudFleet fleet)
    {
        var reached = await Poll.UntilAsync(() => Task.FromResult(condition()), DrainPatience);
        Assert.True(reached, $"timed out waiting for: {what}\n{fleet.Diagnostics()}");
    }
}

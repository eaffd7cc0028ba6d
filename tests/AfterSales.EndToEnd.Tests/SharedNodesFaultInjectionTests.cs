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
    [Fact]
    public async Task NodesSigkilledAndBrokerRestartedDuringABurst_NothingLostNothingDuplicatedOrderKept()
    {
        var full = Environment.GetEnvironmentVariable("AFTERSALES_FAULT_FULL") == "1";
        var (sites, events, rounds) = full ? (10, 20_000, 12) : (4, 1_200, 3);
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

        await fleet.WaitAsync(() => ledgers.All(l => l.Connected >= 1), "every gateway connected");

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

        var audit = await fleet.AssertNothingLostAsync(ledgers, rounds, sites * perRound * rounds);
        output.WriteLine($"after {rounds} node kills and 2 broker restarts: {audit}");
    }
}

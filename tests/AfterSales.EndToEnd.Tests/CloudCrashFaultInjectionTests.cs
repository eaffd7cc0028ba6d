using System.Globalization;
using Xunit.Abstractions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The cloud's promise under real failures, default set-up (embedded broker, SQLite), real processes:
/// an event the broker acknowledged is never lost, however often the cloud is SIGKILLed; none is
/// applied twice; each device's events are applied in order. Scaled for CI; set
/// AFTERSALES_FAULT_FULL=1 for the figures (10 gateways, 20 000 events, 20 kills).
/// </summary>
public sealed class CloudCrashFaultInjectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CloudSigkilledAtRandomMomentsOfABurstFromManyGateways_NothingLostNothingDuplicatedOrderKept()
    {
        var full = Environment.GetEnvironmentVariable("AFTERSALES_FAULT_FULL") == "1";
        var (sites, events, kills) = full ? (10, 20_000, 20) : (4, 2_000, 5);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"{sites} gateways, {events} events, {kills} SIGKILLs of the cloud, random seed {seed}");

        await using var fleet = new CloudFleet(sites);
        await fleet.StartCloudAsync();
        var ledgers = Enumerable.Range(0, sites).Select(_ => new BurstLedger()).ToList();
        for (var i = 0; i < sites; i++)
        {
            fleet.StartGateway(i, ledgers[i].Observe);
        }

        await fleet.WaitAsync(() => ledgers.All(l => l.Connected >= 1), "every gateway connected");

        // Each round: every gateway takes its share of the burst, and the cloud dies at a random
        // moment while the events stream in and the desk works the inbox.
        var perRound = events / sites / kills;
        for (var round = 1; round <= kills; round++)
        {
            for (var i = 0; i < sites; i++)
            {
                await fleet.Gateway(i).WriteLineAsync("burst " + perRound.ToString(CultureInfo.InvariantCulture));
            }

            await Task.Delay(random.Next(0, 1500));
            fleet.KillCloud();
            await fleet.StartCloudAsync();
        }

        var audit = await fleet.AssertNothingLostAsync(ledgers, kills, sites * perRound * kills);
        output.WriteLine($"after {kills} SIGKILLs: {audit}");
    }
}

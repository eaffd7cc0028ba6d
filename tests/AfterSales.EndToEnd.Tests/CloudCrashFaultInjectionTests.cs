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
    private static readonly TimeSpan DrainPatience = TimeSpan.FromMinutes(5);

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

        await WaitAsync(() => ledgers.All(l => l.Connected >= 1), "every gateway connected", fleet);

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

        await WaitAsync(() => ledgers.All(l => l.BurstsDone >= kills), "every burst taken by its gateway", fleet);
        FleetAudit? audit = null;
        var drained = await Poll.UntilAsync(
            () =>
            {
                audit = FleetAudit.Take(fleet, ledgers);
                return Task.FromResult(audit.Drained);
            },
            DrainPatience);
        audit ??= FleetAudit.Take(fleet, ledgers);
        output.WriteLine($"after {kills} SIGKILLs: {audit}");

        var context = $"{audit}\n{fleet.Diagnostics()}";
        Assert.True(drained, "not everything arrived: " + context);
        Assert.Equal(sites * perRound * kills, audit.Sent);
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

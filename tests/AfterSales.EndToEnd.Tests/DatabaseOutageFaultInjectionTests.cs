using System.Globalization;
using AfterSales.Cloud.Tests.Storage;
using Xunit.Abstractions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The database goes away in the middle of a burst (docs/ingest.md, "The guarantees"): the cloud
/// (embedded broker, PostgreSQL) refuses what it cannot store, so the gateways keep those events and
/// try again; nothing is acknowledged that is not stored, and everything arrives once the database is
/// back — none lost, none doubled, each device's events in order.
/// </summary>
public sealed class DatabaseOutageFaultInjectionTests(ITestOutputHelper output, PostgresServer postgres) : IClassFixture<PostgresServer>
{
    // The outage the issue names: long enough for every gateway to be refused and back off several times.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DatabaseUnreachableFor30SecondsDuringABurst_GatewaysKeepTheirEventsAndAllArriveAfter()
    {
        const int sites = 4, perGateway = 500;
        await using var fleet = new CloudFleet(sites, await postgres.CreateDatabaseAsync());
        await fleet.StartCloudAsync();
        var ledgers = Enumerable.Range(0, sites).Select(_ => new BurstLedger()).ToList();
        for (var i = 0; i < sites; i++)
        {
            fleet.StartGateway(i, ledgers[i].Observe);
        }

        await fleet.WaitAsync(() => ledgers.All(l => l.Connected >= 1), "every gateway connected");
        for (var i = 0; i < sites; i++)
        {
            await fleet.Gateway(i).WriteLineAsync("burst " + perGateway.ToString(CultureInfo.InvariantCulture));
        }

        // The database goes while the burst streams in: some of it stored, the rest on its way.
        await fleet.WaitAsync(() => FleetAudit.Take(fleet, ledgers).Stored >= sites * perGateway / 10, "a tenth of the burst stored");
        var storedBefore = FleetAudit.Take(fleet, ledgers).Stored;
        postgres.Kill();
        await Task.Delay(Outage);
        await postgres.RestartAsync();

        var audit = await fleet.AssertNothingLostAsync(ledgers, bursts: 1, sent: sites * perGateway);
        output.WriteLine($"{sites} gateways × {perGateway} events, PostgreSQL down {Outage.TotalSeconds} s; stored just before the outage: {storedBefore}; after: {audit}");
        Assert.True(storedBefore < sites * perGateway, "the outage came after the whole burst was stored: nothing was put to the test");
    }
}

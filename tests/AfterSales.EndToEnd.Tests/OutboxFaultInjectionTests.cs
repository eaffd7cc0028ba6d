using Xunit.Abstractions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The outbox's promise under real failures, with real cloud, gateway and Mosquitto processes: every
/// event the gateway took reaches the cloud or is still in its outbox, never twice as a ticket
/// occurrence, and in order per device.
/// </summary>
public sealed class OutboxFaultInjectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DrainPatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task BrokerStoppedDuringBurstOf10000_EveryEventDeliveredOnceInOrderAfterRestart()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);
        var ledger = new BurstLedger();
        deployment.StartGateway(onLine: ledger.Observe);
        await WaitAsync(() => ledger.Connected >= 1, "gateway connected", deployment);

        await deployment.Gateway!.WriteLineAsync("burst 10000");
        await WaitAsync(() => ledger.Taken.Count >= 1000, "1000 events taken", deployment);
        await deployment.StopBrokerAsync();
        var down = System.Diagnostics.Stopwatch.StartNew();
        await WaitAsync(() => ledger.BurstsDone >= 1, "burst finished with the broker down", deployment);
        // Events the broker acknowledged before it stopped wait in its persistent session for the
        // cloud, so only the outbox's share is checked here; the final audit checks them all.
        var whileDown = await DeliveryAudit.TakeAsync(deployment, ledger.Taken);
        output.WriteLine(
            $"broker down: taken {whileDown.Taken}, in cloud {whileDown.InCloud}, still in outbox {whileDown.InOutbox}, " +
            $"acknowledged by the broker and waiting in its persistent queue for the cloud {whileDown.Missing.Count}");
        Assert.True(whileDown.InOutbox > 0, $"the outbox should hold the backlog: {whileDown}");

        // The cloud was off the broker, not the gateway off the net: however long the broker is away (here at least
        // the deployment's 7 s offline window, on the cloud's real clock), no gateway.offline ticket (service rule §2.14a).
        await Task.Delay(Deployment.OfflineWindow - down.Elapsed is { Ticks: > 0 } rest ? rest + TimeSpan.FromSeconds(2) : TimeSpan.Zero);
        var offline = (await deployment.GetTicketsAsync()).Where(t => t.GetProperty("fault").GetString() == "gateway.offline").ToList();
        Assert.True(offline.Count == 0, $"gateway.offline ticket opened while the cloud was off the broker: {string.Join(", ", offline)}\n{deployment.Diagnostics()}");
        output.WriteLine($"broker away {down.Elapsed.TotalSeconds:0.0} s: no gateway.offline ticket");

        await deployment.StartBrokerAsync();

        var final = await DrainedAsync(deployment, ledger);
        output.WriteLine($"after broker restart: {final}");
        Assert.Equal(10_000, final.Taken);

        // Mosquitto 2.0.11 (Debian's) can hand the cloud a message that arrived after its restart
        // ahead of the queue it restored for the cloud's session (docs/ingest.md). The cloud cannot
        // reorder what it never saw in time; its defence is that an older event coming after a newer
        // one is kept as history and never undoes newer state. So here: nothing lost, nothing twice,
        // and no late event applied as current.
        var context = $"{final}\n{deployment.Diagnostics()}";
        Assert.True(final.Complete, "events lost: " + context);
        Assert.True(final.DuplicatedOccurrences == 0, "duplicated occurrences: " + context);
        Assert.True(final.LateNotMarkedStale == 0, "a late event was applied as current state: " + context);
    }

    [Fact]
    public async Task GatewaySigkilledAtRandomMomentsOfBursts20Times_NothingLostNothingDuplicated()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);
        var ledger = new BurstLedger();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        for (var round = 1; round <= 20; round++)
        {
            deployment.StartGateway(onLine: ledger.Observe);
            var connected = round;
            await WaitAsync(() => ledger.Connected >= connected, $"gateway connected in round {round}", deployment);
            await deployment.Gateway!.WriteLineAsync("burst 400");

            // The fault injected: SIGKILL at a random point of the burst (it takes a few hundred ms).
            await Task.Delay(random.Next(0, 500));
            deployment.Gateway.Kill();
        }

        var whileDead = await WaitForAuditAsync(deployment, ledger, a => a.Complete);
        output.WriteLine($"after 20 SIGKILLs, gateway dead: {whileDead}");
        AssertDeliveredOnceInOrder(whileDead, deployment);

        deployment.StartGateway(onLine: ledger.Observe);
        var final = await DrainedAsync(deployment, ledger);
        output.WriteLine($"after a last restart drained the outbox: {final}");
        AssertDeliveredOnceInOrder(final, deployment);
    }

    [Fact]
    public async Task OutboxBudgetExhaustedWhileBrokerDown_TakenEventsAllDeliveredAndOutboxFullReported()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: true);
        var ledger = new BurstLedger();
        deployment.StartGateway(outboxMaxBytes: 64 * 1024, onLine: ledger.Observe);
        await WaitAsync(() => ledger.Connected >= 1, "gateway connected", deployment);
        await deployment.StopBrokerAsync();

        await deployment.Gateway!.WriteLineAsync("burst 1000");
        await WaitAsync(() => ledger.BurstsDone >= 1, "burst finished", deployment);

        // The status file is rewritten every second: wait for the one written after the burst.
        var status = (ExitCode: 0, Output: string.Empty);
        await Poll.UntilAsync(async () =>
        {
            status = await deployment.GatewayStatusAsync();
            return status.Output.Contains("FULL", StringComparison.Ordinal);
        });
        output.WriteLine(status.Output);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("FULL: gateway.outbox_full raised", status.Output, StringComparison.Ordinal);
        Assert.Contains("DISCONNECTED", status.Output, StringComparison.Ordinal);
        Assert.Equal(1, ledger.OutboxFullRaised);
        Assert.NotEmpty(ledger.Refused);
        output.WriteLine($"budget reached: {ledger.Taken.Count} events taken, {ledger.Refused.Count} refused and logged");

        await deployment.StartBrokerAsync();

        // The outbox_full raise was queued last (at the first refusal), so wait for its ticket too.
        var final = await WaitForAuditAsync(deployment, ledger, a => a.InCloud == a.Taken && a.InOutbox == 0 && a.Faults.Contains("gateway.outbox_full"));
        output.WriteLine($"after the broker came back: {final}");
        AssertDeliveredOnceInOrder(final, deployment);
        Assert.Contains("gateway.outbox_full", final.Faults);
        var refusedInCloud = (await DeliveryAudit.TakeAsync(deployment, ledger.Refused)).InCloud;
        Assert.Equal(0, refusedInCloud);
    }

    private static void AssertDeliveredOnceInOrder(DeliveryAudit audit, Deployment deployment)
    {
        var context = $"{audit}\n{deployment.Diagnostics()}";
        Assert.True(audit.Complete, "events lost: " + context);
        Assert.True(audit.DuplicatedOccurrences == 0, "duplicated occurrences: " + context);
        Assert.True(audit.OrderViolations == 0, "per-device order broken: " + context);
        Assert.True(audit.StaleOccurrences == 0, "stale occurrences: " + context);
    }

    /// <summary>Waits until every taken event is in the cloud and the outbox is empty.</summary>
    private static Task<DeliveryAudit> DrainedAsync(Deployment deployment, BurstLedger ledger) =>
        WaitForAuditAsync(deployment, ledger, a => a.InCloud == a.Taken && a.InOutbox == 0);

    private static async Task<DeliveryAudit> WaitForAuditAsync(Deployment deployment, BurstLedger ledger, Func<DeliveryAudit, bool> done)
    {
        DeliveryAudit? last = null;
        await Poll.UntilAsync(
            async () =>
            {
                last = await DeliveryAudit.TakeAsync(deployment, ledger.Taken);
                return done(last);
            },
            DrainPatience);
        return last ?? await DeliveryAudit.TakeAsync(deployment, ledger.Taken);
    }

    private static async Task WaitAsync(Func<bool> condition, string what, Deployment deployment)
    {
        var reached = await Poll.UntilAsync(() => Task.FromResult(condition()), DrainPatience);
        Assert.True(reached, $"timed out waiting for: {what}\n{deployment.Diagnostics()}");
    }
}

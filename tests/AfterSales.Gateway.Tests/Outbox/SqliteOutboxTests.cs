using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using Microsoft.Data.Sqlite;

namespace AfterSales.Gateway.Tests.Outbox;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly TempDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Outbox_ReopenedAfterEventsTaken_ReturnsThemInOrderWithTheirEventIds()
    {
        var taken = Enumerable.Range(1, 5).Select(i => OutboxEvents.Fault(i)).ToList();
        using (var outbox = Open())
        {
            taken.ForEach(outbox.Enqueue);
        }

        using var reopened = Open();
        var entries = reopened.ReadBatch(100);

        Assert.Equal(5, reopened.Count);
        Assert.Equal(taken.Select(e => e.EventId), entries.Select(e => PayloadCodec.DecodeFaultEvent(e.Payload).Value!.EventId));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], entries.Select(e => e.Seq!.Value));
    }

    [Fact]
    public void Outbox_Reopened_KnowsWhichFaultsItsEventsLeftActiveEvenOnceSent()
    {
        using (var outbox = Open())
        {
            outbox.Enqueue(OutboxEvents.Fault(1, "panel", FaultCodes.PanelAcLoss));
            outbox.Enqueue(OutboxEvents.Fault(2, "panel", FaultCodes.PanelTamper));
            outbox.Enqueue(OutboxEvents.Fault(3, "cam-1", FaultCodes.CameraOffline));
            outbox.Enqueue(OutboxEvents.Fault(4, "panel", FaultCodes.PanelTamper, FaultState.Cleared));
            foreach (var entry in outbox.ReadBatch(10))
            {
                outbox.Acknowledge(entry);
            }

            outbox.Flush();
        }

        using var reopened = Open();

        Assert.Equal(0, reopened.Count);
        Assert.Equal([("cam-1", FaultCodes.CameraOffline), ("panel", FaultCodes.PanelAcLoss)], reopened.ActiveFaults());
    }

    [Fact]
    public void Outbox_AcknowledgedEntries_AreGoneAfterRestartAndTheRestFollow()
    {
        using (var outbox = Open())
        {
            for (var i = 1; i <= 4; i++)
            {
                outbox.Enqueue(OutboxEvents.Fault(i));
            }

            var batch = outbox.ReadBatch(2);
            outbox.Acknowledge(batch[0]);
            outbox.Acknowledge(batch[1]);
            Assert.Equal(2, outbox.Count);
            Assert.Equal([3L, 4L], outbox.ReadBatch(10).Select(e => e.Seq!.Value));
        }

        using var reopened = Open();
        Assert.Equal([3L, 4L], reopened.ReadBatch(10).Select(e => e.Seq!.Value));
    }

    [Fact]
    public void Outbox_CopiedWhileOpenLikeAPowerCut_HoldsEveryCommittedEvent()
    {
        // The WAL is fsync'd at each commit; a copy of the files taken with the database still open
        // is what a power cut leaves on the card, and it must hold every event Enqueue returned for.
        var copy = Path.Combine(_state.Path, "after-power-cut");
        Directory.CreateDirectory(copy);
        using (var outbox = Open())
        {
            for (var i = 1; i <= 50; i++)
            {
                outbox.Enqueue(OutboxEvents.Fault(i));
            }

            foreach (var file in Directory.GetFiles(_state.Path, SqliteOutbox.FileName + "*"))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        using var recovered = new SqliteOutbox(copy, new OutboxBudget(1024 * 1024));
        Assert.Equal(50, recovered.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), recovered.ReadBatch(100).Select(e => e.Seq!.Value));
    }

    [Fact]
    public void Outbox_AtItsBudget_RefusesTheEventWithAClearReasonAndKeepsEveryEarlierOne()
    {
        using var outbox = Open(maxBytes: 4_000);
        var changes = new List<bool>();
        outbox.FullChanged += changes.Add;
        var taken = 0;
        OutboxFullException? refusal = null;
        for (var i = 1; refusal is null; i++)
        {
            try
            {
                outbox.Enqueue(OutboxEvents.Fault(i));
                taken++;
            }
            catch (OutboxFullException ex)
            {
                refusal = ex;
            }
        }

        Assert.Contains("outbox.maxBytes", refusal.Message, StringComparison.Ordinal);
        Assert.True(outbox.IsFull);
        Assert.Equal([true], changes);
        Assert.Equal(taken, outbox.Count);
        Assert.Equal(Enumerable.Range(1, taken).Select(i => (long)i), outbox.ReadBatch(1000).Select(e => e.Seq!.Value));

        // A refused clear leaves the fault active: the cloud was never told it cleared.
        Assert.Throws<OutboxFullException>(() => outbox.Enqueue(OutboxEvents.Fault(10_000, state: FaultState.Cleared)));
        Assert.Equal([("panel", FaultCodes.PanelAcLoss)], outbox.ActiveFaults());
    }

    [Fact]
    public void Outbox_Full_AlarmEventStillTakenAndFullClearsOnceDrainedBelowEightyPercent()
    {
        using var outbox = Open(maxBytes: 4_000);
        var changes = new List<bool>();
        outbox.FullChanged += changes.Add;
        FillUntilRefused(outbox);

        outbox.Enqueue(OutboxEvents.Fault(1000, "gw-001", FaultCodes.GatewayOutboxFull));
        Assert.Equal(FaultCodes.GatewayOutboxFull, PayloadCodec.DecodeFaultEvent(outbox.ReadBatch(1000)[^1].Payload).Value!.Fault);

        foreach (var entry in outbox.ReadBatch(1000))
        {
            outbox.Acknowledge(entry);
            if (!outbox.IsFull)
            {
                break;
            }
        }

        Assert.Equal([true, false], changes);
        Assert.True(outbox.LiveBytes <= 4_000 * OutboxBudget.ResumeFraction);
        outbox.Enqueue(OutboxEvents.Fault(2000));
    }

    [Fact]
    public void Outbox_EventAtBudget_DropsOldestTelemetryFirst()
    {
        using var outbox = Open(maxBytes: 4_000);
        var metric = new byte[300];
        var telemetry = 0;
        while (true)
        {
            try
            {
                outbox.EnqueueTelemetry("aftersales/v1/sites/site-001/metrics", metric);
                telemetry++;
            }
            catch (OutboxFullException)
            {
                break;
            }
        }

        Assert.False(outbox.IsFull);
        outbox.Enqueue(OutboxEvents.Fault(1));
        outbox.Enqueue(OutboxEvents.Fault(2));

        var entries = outbox.ReadBatch(1000);
        Assert.True(entries.Count(e => e.Priority == OutboxPriority.Telemetry) < telemetry);
        Assert.Equal([1L, 2L], entries.Where(e => e.Priority == OutboxPriority.Event).Select(e => e.Seq!.Value));
        Assert.True(outbox.LiveBytes <= 4_000);
    }

    [Fact]
    public void Outbox_DiskFull_RefusesWithTheFileNamedAndLosesNothingTaken()
    {
        using var outbox = Open();
        for (var i = 1; i <= 3; i++)
        {
            outbox.Enqueue(OutboxEvents.Fault(i));
        }

        // SQLite answers a page limit exactly as it answers ENOSPC: SQLITE_FULL, "database or disk is full".
        FullDisk.Simulate(outbox);
        var ex = Assert.Throws<OutboxFullException>(() =>
        {
            for (var i = 4; i < 100_000; i++)
            {
                outbox.Enqueue(OutboxEvents.Fault(i));
            }
        });

        Assert.Contains("disk holding it is full", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteOutbox.FileName, ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);
        var kept = outbox.ReadBatch(100_000).Select(e => e.Seq!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, kept.Count).Select(i => (long)i), kept);
        Assert.Equal(kept.Count, outbox.Count);
        Assert.True(outbox.IsFull);
    }

    [Fact]
    public async Task WaitForEntries_EmptyThenEventTaken_Completes()
    {
        using var outbox = Open();
        var waiting = outbox.WaitForEntriesAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        outbox.Enqueue(OutboxEvents.Fault(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static void FillUntilRefused(SqliteOutbox outbox)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                outbox.Enqueue(OutboxEvents.Fault(i));
            }
            catch (OutboxFullException)
            {
                return;
            }
        }
    }

    private SqliteOutbox Open(long maxBytes = 1024 * 1024) => new(_state.Path, new OutboxBudget(maxBytes));
}

using AfterSales.Cloud.Ingest;

namespace AfterSales.Cloud.Tests.Ingest;

public sealed class SeqGapRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);

    [Fact]
    public void Ready_EarlierSeqStillOnTheOtherNode_LaterEventsOfThatGatewayWaitOthersGoOn()
    {
        // g1 applied up to 10; 11 was taken by the other node and is not committed yet.
        var site = new[] { Row(1, "g1", 12, ageSeconds: 1, prevSeq: 11), Row(2, "g2", 3, ageSeconds: 1, prevSeq: 2), Row(3, "g1", 13, ageSeconds: 1, prevSeq: 12) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10), ("g2", 2)), Now, Hold);

        Assert.Equal([2L], ready.Select(r => r.Id));
    }

    [Fact]
    public void Ready_MissingSeqArrived_AllAppliedInOrder()
    {
        var site = new[] { Row(4, "g1", 11, ageSeconds: 0), Row(1, "g1", 12, ageSeconds: 1), Row(3, "g1", 13, ageSeconds: 1) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold);

        Assert.Equal([11L, 12L, 13L], ready.Select(r => r.Seq));
    }

    [Fact]
    public void Ready_GatewayRestartedAndSkippedTheRestOfItsSeqBlock_NothingToWaitFor()
    {
        // 11..999 were never handed out: the first event after the start says so (prevSeq 0).
        var site = new[] { Row(1, "g1", 1000, ageSeconds: 0, prevSeq: 0), Row(2, "g1", 1001, ageSeconds: 0, prevSeq: 1000) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold);

        Assert.Equal([1000L, 1001L], ready.Select(r => r.Seq));
    }

    [Fact]
    public void Ready_PredecessorMissingLongerThanTheHold_TakenAsLostAndTheRestApplied()
    {
        var site = new[] { Row(1, "g1", 12, ageSeconds: 5, prevSeq: 11), Row(2, "g1", 13, ageSeconds: 4, prevSeq: 12) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold);

        Assert.Equal([12L, 13L], ready.Select(r => r.Seq));
    }

    [Fact]
    public void Ready_OlderGatewayWithoutPrevSeq_AnyGapWaitsForTheHold()
    {
        var site = new[] { Row(1, "g1", 1000, ageSeconds: 1) };

        Assert.Empty(SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold));
        Assert.Single(SeqGapRules.Ready(site, Applied(("g1", 10)), Now.AddSeconds(4), Hold));
    }

    [Fact]
    public void Ready_RepeatsOfAppliedOnesOrAGatewayWithoutPrevSeqAndNothingApplied_DoNotWait()
    {
        var site = new[] { Row(1, "old", 500, ageSeconds: 0), Row(2, "g1", 9, ageSeconds: 0), Row(3, "g1", 11, ageSeconds: 0) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold);

        Assert.Equal([1L, 2L, 3L], ready.Select(r => r.Id));
    }

    [Fact]
    public void Ready_NothingAppliedYetAndTheFirstEventStillOnTheOtherNode_TheSecondWaits()
    {
        // The burst's first event (prevSeq 0) went to a node slower to commit than the one with the second.
        var second = new[] { Row(1, "g1", 2, ageSeconds: 1, prevSeq: 1) };

        Assert.Empty(SeqGapRules.Ready(second, Applied(), Now, Hold));

        var both = new[] { Row(2, "g1", 1, ageSeconds: 0, prevSeq: 0), Row(1, "g1", 2, ageSeconds: 1, prevSeq: 1) };
        Assert.Equal([1L, 2L], SeqGapRules.Ready(both, Applied(), Now, Hold).Select(r => r.Seq));
    }

    [Fact]
    public void Ready_NoHold_EverythingInTheGivenOrder()
    {
        var site = new[] { Row(1, "g1", 20, ageSeconds: 0), Row(2, "g1", 30, ageSeconds: 0) };

        Assert.Equal([1L, 2L], SeqGapRules.Ready(site, Applied(("g1", 10)), Now, TimeSpan.Zero).Select(r => r.Id));
    }

    [Fact]
    public void Gaps_GatewayWaitingForASeqTheRowsDoNotHold_NamedWithItsHighestSeqHere()
    {
        // g1 waits for 11 (not among the rows); g2's 3 follows its applied 2; g3's 7 follows 5, which the rows hold.
        var rows = new[]
        {
            Row(1, "g1", 12, ageSeconds: 0, prevSeq: 11), Row(2, "g1", 14, ageSeconds: 0, prevSeq: 12), Row(3, "g2", 3, ageSeconds: 0, prevSeq: 2),
            Row(4, "g3", 7, ageSeconds: 0, prevSeq: 5), Row(5, "g3", 5, ageSeconds: 0, prevSeq: 4),
            Row(6, "new", 40, ageSeconds: 0, prevSeq: 39), Row(7, "started", 1, ageSeconds: 0, prevSeq: 0), Row(8, "started", 2, ageSeconds: 0, prevSeq: 1),
        };

        var gaps = SeqGapRules.Gaps(rows, Applied(("g1", 10), ("g2", 2), ("g3", 4)));

        // "new" has nothing applied and names 39 as its predecessor; "started" holds its whole chain from its start.
        Assert.Equal(new Dictionary<string, long> { ["g1"] = 14, ["new"] = 40 }, gaps);
    }

    [Fact]
    public void Gaps_HoleBetweenTwoHeldRows_NamedToo()
    {
        var rows = new[] { Row(1, "g1", 11, ageSeconds: 0, prevSeq: 10), Row(2, "g1", 13, ageSeconds: 0, prevSeq: 12) };

        Assert.Equal(new Dictionary<string, long> { ["g1"] = 13 }, SeqGapRules.Gaps(rows, Applied(("g1", 10))));
    }

    private static Dictionary<string, long> Applied(params (string Gateway, long Seq)[] marks) =>
        marks.ToDictionary(m => m.Gateway, m => m.Seq, StringComparer.Ordinal);

    private static InboxEvent Row(long id, string gateway, long seq, double ageSeconds, long? prevSeq = null) => new()
    {
        Id = id, Topic = "t", SiteId = "s1", GatewayId = gateway, Seq = seq, PrevSeq = prevSeq, Payload = [], ReceivedAt = Now.AddSeconds(-ageSeconds),
    };
}

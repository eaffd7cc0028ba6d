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
        var site = new[] { Row(1, "g1", 12, ageSeconds: 1), Row(2, "g2", 3, ageSeconds: 1), Row(3, "g1", 13, ageSeconds: 1) };

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
    public void Ready_GapOlderThanTheHold_TakenAsRealAndAppliedWithoutIt()
    {
        // A gateway that restarted skips the rest of its seq block: 11..999 never come.
        var site = new[] { Row(1, "g1", 1000, ageSeconds: 5), Row(2, "g1", 1001, ageSeconds: 4) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold);

        Assert.Equal([1000L, 1001L], ready.Select(r => r.Seq));
    }

    [Fact]
    public void Ready_GatewayWithNothingAppliedYetOrRepeatsOfAppliedOnes_DoNotWait()
    {
        var site = new[] { Row(1, "new", 500, ageSeconds: 0), Row(2, "g1", 9, ageSeconds: 0), Row(3, "g1", 11, ageSeconds: 0) };

        var ready = SeqGapRules.Ready(site, Applied(("g1", 10)), Now, Hold);

        Assert.Equal([1L, 2L, 3L], ready.Select(r => r.Id));
    }

    [Fact]
    public void Ready_NoHold_EverythingInTheGivenOrder()
    {
        var site = new[] { Row(1, "g1", 20, ageSeconds: 0), Row(2, "g1", 30, ageSeconds: 0) };

        Assert.Equal([1L, 2L], SeqGapRules.Ready(site, Applied(("g1", 10)), Now, TimeSpan.Zero).Select(r => r.Id));
    }

    private static Dictionary<string, long> Applied(params (string Gateway, long Seq)[] marks) =>
        marks.ToDictionary(m => m.Gateway, m => m.Seq, StringComparer.Ordinal);

    private static InboxEvent Row(long id, string gateway, long seq, double ageSeconds) => new()
    {
        Id = id, Topic = "t", SiteId = "s1", GatewayId = gateway, Seq = seq, Payload = [], ReceivedAt = Now.AddSeconds(-ageSeconds),
    };
}

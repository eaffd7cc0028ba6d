using AfterSales.Cloud.Ingest;

namespace AfterSales.Cloud.Tests.Ingest;

public sealed class InboxOrderRulesTests
{
    [Fact]
    public void BySite_GatewayResentEarlierEventLater_ItsEventsInSeqOrderOtherGatewaysInPlace()
    {
        var rows = new[]
        {
            Row(1, "s1", "g1", 5), Row(2, "s2", "g2", 9), Row(3, "s1", "g3", 1), Row(4, "s1", "g1", 4), Row(5, "s1", "g1", 6),
        };

        var sites = InboxOrderRules.BySite(rows);

        Assert.Equal(["s1", "s2"], sites.Select(s => s[0].SiteId));
        Assert.Equal(["g1", "g3", "g1", "g1"], sites[0].Select(r => r.GatewayId));
        Assert.Equal([4L, 1L, 5L, 6L], sites[0].Select(r => r.Seq));
        Assert.Equal([9L], sites[1].Select(r => r.Seq));
    }

    private static InboxEvent Row(long id, string site, string gateway, long seq) => new()
    {
        Id = id, Topic = "t", SiteId = site, GatewayId = gateway, Seq = seq, Payload = [],
    };
}

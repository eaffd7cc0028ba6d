using AfterSales.Protocol.Topics;

namespace AfterSales.Protocol.Tests.Contracts;

public sealed class TopicTests
{
    [Fact]
    public void Topics_ForSite_FollowTheV1Scheme()
    {
        Assert.Equal("aftersales/v1/sites/site-001/events", MqttTopics.Events("site-001"));
        Assert.Equal("aftersales/v1/sites/site-001/status", MqttTopics.Status("site-001"));
        Assert.Equal("aftersales/v1/sites/site-001/heartbeat", MqttTopics.Heartbeat("site-001"));
        Assert.Equal("aftersales/v1/sites/site-001/config", MqttTopics.Config("site-001"));
        Assert.Equal("$share/cloud/aftersales/v1/sites/+/events", MqttTopics.SharedAllSites(TopicKind.Events));
    }

    [Theory]
    [InlineData("aftersales/v1/sites/site-9/heartbeat", true, "site-9", TopicKind.Heartbeat)]
    [InlineData("aftersales/v1/sites/site-9/events/extra", false, "", TopicKind.Events)]
    [InlineData("aftersales/v2/sites/site-9/events", false, "", TopicKind.Events)]
    [InlineData("aftersales/v1/sites//events", false, "", TopicKind.Events)]
    [InlineData("aftersales/v1/sites/+/events", false, "", TopicKind.Events)]
    public void TryParse_Topic_SplitsSiteAndKindOrRefuses(string topic, bool ok, string site, TopicKind kind)
    {
        Assert.Equal(ok, MqttTopics.TryParse(topic, out var parsedSite, out var parsedKind));
        if (ok)
        {
            Assert.Equal(site, parsedSite);
            Assert.Equal(kind, parsedKind);
        }
    }

    [Fact]
    public void Topic_WildcardInSiteId_Refused()
    {
        Assert.Throws<ArgumentException>(() => MqttTopics.Events("a/#"));
    }
}

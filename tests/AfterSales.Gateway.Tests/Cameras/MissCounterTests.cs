using AfterSales.Gateway.Cameras;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class MissCounterTests
{
    [Fact]
    public void Record_FewerMissesThanThreshold_NoFault()
    {
        var counter = new MissCounter(missesBeforeFault: 3, passesBeforeClear: 1);

        Assert.False(counter.Record(false));
        Assert.False(counter.Record(false));

        Assert.False(counter.IsFaulted);
        Assert.Equal(2, counter.ConsecutiveMisses);
    }

    [Fact]
    public void Record_ThresholdReached_RaisesOnceOnly()
    {
        var counter = new MissCounter(3, 1);
        counter.Record(false);
        counter.Record(false);

        Assert.True(counter.Record(false));
        Assert.False(counter.Record(false));
        Assert.True(counter.IsFaulted);
    }

    [Fact]
    public void Record_PassBetweenMisses_RestartsTheCount()
    {
        var counter = new MissCounter(3, 1);
        counter.Record(false);
        counter.Record(false);
        counter.Record(true);
        counter.Record(false);
        counter.Record(false);

        Assert.False(counter.IsFaulted);
    }

    [Fact]
    public void Record_FaultedThenPasses_ClearsAfterPassesBeforeClear()
    {
        var counter = new MissCounter(1, 2);
        counter.Record(false);

        Assert.False(counter.Record(true));
        Assert.True(counter.IsFaulted);
        Assert.True(counter.Record(true));
        Assert.False(counter.IsFaulted);
    }

    [Fact]
    public void Record_FlappingWhileFaulted_StaysRaised()
    {
        var counter = new MissCounter(1, 2);
        counter.Record(false);

        for (var i = 0; i < 5; i++)
        {
            Assert.False(counter.Record(true));
            Assert.False(counter.Record(false));
        }

        Assert.True(counter.IsFaulted);
    }
}

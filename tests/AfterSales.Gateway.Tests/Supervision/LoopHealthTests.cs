using AfterSales.Gateway.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Supervision;

public sealed class LoopHealthTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Stuck_LoopBeatingWithinTolerance_None()
    {
        var health = new LoopHealth(_time);
        health.Register("uplink", TimeSpan.FromSeconds(3));

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            health.Beat("uplink");
        }

        Assert.Empty(health.Stuck());
    }

    [Fact]
    public void Stuck_OneLoopSilentPastTolerance_NamedWithHowLong()
    {
        var health = new LoopHealth(_time);
        health.Register("uplink", TimeSpan.FromSeconds(3));
        health.Register("inputs", TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(4));
        health.Beat("inputs");

        var stuck = Assert.Single(health.Stuck());
        Assert.Equal("uplink", stuck.Loop);
        Assert.Equal(TimeSpan.FromSeconds(4), stuck.Silent);
    }
}

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

    [Fact]
    public async Task WaitAlive_ClockReadsLaterEachTime_EndsAfterTheDelay()
    {
        // Every reading of the clock finds 1.5 ms gone, as when a loaded machine deschedules the thread between two
        // readings. Whatever the readings, a wait of a few milliseconds must end after a few milliseconds.
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1.5) };
        var health = new LoopHealth(time);
        health.Register("uplink", TimeSpan.FromSeconds(3));

        for (var delayMs = 0.25; delayMs <= 10; delayMs += 0.25)
        {
            var wait = health.WaitAliveAsync("uplink", TimeSpan.FromMilliseconds(delayMs), CancellationToken.None);
            for (var ms = 0; ms < 20 && !wait.IsCompleted; ms++)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }

            Assert.True(wait.IsCompleted, $"a {delayMs} ms wait had not ended 20 ms later");
            await wait;
        }
    }
}

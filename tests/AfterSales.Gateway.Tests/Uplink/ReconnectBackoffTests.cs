using AfterSales.Gateway.Reconnection;

namespace AfterSales.Gateway.Tests.Uplink;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Fact]
    public void NextDelay_NoJitter_DoublesFromOneSecondUpToThirtySecondCap()
    {
        var backoff = new ReconnectBackoff(Initial, Cap, () => 0);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void NextDelay_FullJitter_ShortensByAtMostAFifthAndNeverExceedsCap()
    {
        var backoff = new ReconnectBackoff(Initial, Cap, () => 1);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        Assert.Equal([0.8, 1.6, 3.2, 6.4, 12.8, 24, 24, 24], delays.Select(d => Math.Round(d, 3)));
    }

    [Fact]
    public void NextDelay_AfterReset_StartsAgainAtOneSecond()
    {
        var backoff = new ReconnectBackoff(Initial, Cap, () => 0);
        for (var i = 0; i < 10; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.Equal(Initial, backoff.NextDelay());
    }

    [Fact]
    public void NextDelay_ThousandsOfFailures_StaysAtCap()
    {
        var backoff = new ReconnectBackoff(Initial, Cap, Random.Shared.NextDouble);

        for (var i = 0; i < 5000; i++)
        {
            Assert.InRange(backoff.NextDelay(), TimeSpan.Zero, Cap);
        }
    }
}

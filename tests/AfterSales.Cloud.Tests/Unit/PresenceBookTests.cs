using AfterSales.Cloud.Presence;

namespace AfterSales.Cloud.Tests.Unit;

public class PresenceBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void Sweep_AfterTimeout_ReportsGatewayOnce()
    {
        var book = new PresencePolicy(Timeout);
        book.Seen("gw-1", "site-a", T0);

        Assert.Empty(book.Sweep(T0 + Timeout));
        var silent = Assert.Single(book.Sweep(T0 + Timeout + TimeSpan.FromSeconds(1)));
        Assert.Equal("gw-1", silent.GatewayId);
        Assert.Equal("site-a", silent.SiteId);
        Assert.Empty(book.Sweep(T0 + (Timeout * 3)));
    }

    [Fact]
    public void Seen_AfterSweptOffline_ReportsCameBack()
    {
        var book = new PresencePolicy(Timeout);
        book.Seen("gw-1", "site-a", T0);
        book.Sweep(T0 + (Timeout * 2));

        Assert.True(book.Seen("gw-1", "site-a", T0 + (Timeout * 3)));
        Assert.False(book.Seen("gw-1", "site-a", T0 + (Timeout * 3)));
    }

    [Fact]
    public void WentOffline_LastWillTwice_ReportsOnceAndSweepStaysQuiet()
    {
        var book = new PresencePolicy(Timeout);
        book.Seen("gw-1", "site-a", T0);

        Assert.True(book.WentOffline("gw-1", "site-a", T0 + TimeSpan.FromSeconds(10)));
        Assert.False(book.WentOffline("gw-1", "site-a", T0 + TimeSpan.FromSeconds(20)));
        Assert.Empty(book.Sweep(T0 + (Timeout * 5)));
    }

    [Fact]
    public void Seen_NeverKnownGateway_IsNotAComeback()
    {
        var book = new PresencePolicy(Timeout);

        Assert.False(book.Seen("gw-9", "site-a", T0));
        Assert.True(book.Knows("gw-9"));
    }

    [Fact]
    public void NoticedWithin_SweepsAtAnyPhase_FlagASilentGatewayAtMost90SecondsAfterItsLastHeartbeat()
    {
        var sweep = TimeSpan.FromSeconds(5);
        for (var phase = TimeSpan.Zero; phase < sweep; phase += TimeSpan.FromMilliseconds(250))
        {
            var book = PresencePolicy.NoticedWithin(Timeout, sweep);
            book.Seen("gw-1", "site-a", T0);
            book.Seen("gw-2", "site-a", T0);
            var at = T0 + phase;
            while (book.Sweep(at).Count == 0)
            {
                // gw-2 keeps its 30 s heartbeat and is never taken for offline.
                if ((at - T0).Ticks % TimeSpan.FromSeconds(30).Ticks < sweep.Ticks)
                {
                    book.Seen("gw-2", "site-a", at);
                }

                at += sweep;
            }

            Assert.InRange(at - T0, Timeout - sweep, Timeout);
            Assert.False(book.Seen("gw-2", "site-a", at), "a heartbeating gateway was flagged");
        }
    }
}

using AfterSales.Cloud.Presence;

namespace AfterSales.Cloud.Tests.Unit;

/// <summary>The presence book of service rules §2.14 and §2.14a: who is offline, and when the cloud may not judge.</summary>
public class PresenceBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    [Fact]
    public void Sweep_SilentLongerThanThePromiseLessOneLook_ReportsGatewayOnce()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);

        Assert.Empty(book.Sweep(T0 + Promise - Look));
        var silent = Assert.Single(book.Sweep(T0 + Promise - Look + TimeSpan.FromSeconds(1)));
        Assert.Equal(("gw-1", "site-a", false), (silent.GatewayId, silent.SiteId, silent.LastWill));
        Assert.Empty(book.Sweep(T0 + (Promise * 3)));
    }

    [Fact]
    public void Seen_AfterSweptOffline_ReportsCameBack()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);
        book.Sweep(T0 + (Promise * 2));

        Assert.True(book.Seen("gw-1", "site-a", T0 + (Promise * 3)));
        Assert.False(book.Seen("gw-1", "site-a", T0 + (Promise * 3)));
    }

    [Fact]
    public void LastWill_CountsAfterThreeLooks_OnceAndAsAWill()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);

        Assert.True(book.WentOffline("gw-1", "site-a", T0 + TimeSpan.FromSeconds(10)));
        Assert.False(book.WentOffline("gw-1", "site-a", T0 + TimeSpan.FromSeconds(12)));
        Assert.Empty(book.Sweep(T0 + TimeSpan.FromSeconds(24)));

        var offline = Assert.Single(book.Sweep(T0 + TimeSpan.FromSeconds(25)));
        Assert.True(offline.LastWill);
        Assert.Empty(book.Sweep(T0 + (Promise * 5)));
    }

    [Fact]
    public void LastWill_HeardAgainWithinThreeLooks_IsWithdrawn()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);
        book.WentOffline("gw-1", "site-a", T0 + TimeSpan.FromSeconds(10));

        Assert.False(book.Seen("gw-1", "site-a", T0 + TimeSpan.FromSeconds(14)), "never reported, so not a comeback");
        Assert.Empty(book.Sweep(T0 + TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Seen_NeverKnownGateway_IsNotAComeback()
    {
        var book = ListeningBook();

        Assert.False(book.Seen("gw-9", "site-a", T0));
        Assert.True(book.Knows("gw-9"));
    }

    [Fact]
    public void EventsObservedWhileHeartbeatsAreLate_KeepTheGatewayHeard()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);

        // A burst: the gateway's events keep coming, its heartbeats are stuck behind them for two minutes.
        for (var at = T0 + Look; at <= T0 + (Promise * 2); at += Look)
        {
            book.SeenEvent("gw-1", "site-a", observedAt: at - TimeSpan.FromSeconds(1), now: at);
            Assert.Empty(book.Sweep(at));
        }

        // The burst ends and the gateway dies: silence counts from its last event, not its last heartbeat.
        var lastEvent = T0 + (Promise * 2) - TimeSpan.FromSeconds(1);
        Assert.Empty(book.Sweep(lastEvent + Promise - Look));
        Assert.Single(book.Sweep(lastEvent + Promise));
    }

    [Fact]
    public void EventThatWaitedInAQueue_NeitherKeepsAliveNorBringsBackAGatewayThatHasGone()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);
        var judged = T0 + Promise;
        Assert.Single(book.Sweep(judged));

        // Observed just after the last heartbeat but delivered long after: older than the window, so not news of life.
        Assert.False(book.SeenEvent("gw-1", "site-a", observedAt: T0 + Look, now: judged + Look));
        Assert.Empty(book.Sweep(judged + (Look * 2)));

        // Observed now: the gateway is back.
        Assert.True(book.SeenEvent("gw-1", "site-a", observedAt: judged + (Look * 3), now: judged + (Look * 3)));
    }

    [Fact]
    public void EventObservedBeforeALastWill_DoesNotWithdrawIt()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);
        book.WentOffline("gw-1", "site-a", T0 + TimeSpan.FromSeconds(10));

        book.SeenEvent("gw-1", "site-a", observedAt: T0 + TimeSpan.FromSeconds(8), now: T0 + TimeSpan.FromSeconds(11));
        Assert.True(Assert.Single(book.Sweep(T0 + TimeSpan.FromSeconds(25))).LastWill);
    }

    [Fact]
    public void Events_OfAnUnwatchedGatewayOrFromAnotherSite_AreNoSignOfLife()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);

        book.SeenEvent("gw-9", "site-a", T0 + Look, T0 + Look);
        book.SeenEvent("gw-1", "site-b", T0 + Look, T0 + Look);

        Assert.False(book.Knows("gw-9"), "only a heartbeat, checked against the site's gateways, makes a gateway watched");
        Assert.Equal("site-a", Assert.Single(book.Sweep(T0 + Promise)).SiteId);
    }

    [Fact]
    public void EventStampedAheadOfTheCloudsClock_CountsAsNow()
    {
        var book = ListeningBook();
        book.Seen("gw-1", "site-a", T0);

        book.SeenEvent("gw-1", "site-a", observedAt: T0 + TimeSpan.FromHours(1), now: T0 + Look);
        Assert.Single(book.Sweep(T0 + Look + Promise));
    }

    [Fact]
    public void NoticedWithin_SweepsAtAnyPhase_FlagASilentGatewayAtMost90SecondsAfterItsLastHeartbeat()
    {
        for (var phase = TimeSpan.Zero; phase < Look; phase += TimeSpan.FromMilliseconds(250))
        {
            var book = ListeningBook();
            book.Seen("gw-1", "site-a", T0);
            book.Seen("gw-2", "site-a", T0);
            var at = T0 + phase;
            while (book.Sweep(at).Count == 0)
            {
                // gw-2 keeps its 30 s heartbeat and is never taken for offline.
                if ((at - T0).Ticks % Heartbeat.Ticks < Look.Ticks)
                {
                    book.Seen("gw-2", "site-a", at);
                }

                at += Look;
            }

            Assert.InRange(at - T0, Promise - Look, Promise);
            Assert.False(book.Seen("gw-2", "site-a", at), "a heartbeating gateway was flagged");
        }
    }

    [Fact]
    public void CloudNotListening_NobodyJudged_AndSilenceCountsFromWhenItHearsAgain()
    {
        var book = Book();
        book.Track("gw-1", "site-a", T0, offline: false);

        // The cloud started but its subscription is not up yet: ten minutes of that are nobody's silence.
        Assert.Empty(book.Sweep(T0 + TimeSpan.FromMinutes(10)));

        var back = T0 + TimeSpan.FromMinutes(10);
        book.Listening(back);
        Assert.Empty(book.Sweep(back + Promise - Look));
        Assert.Single(book.Sweep(back + Promise));

        // The link drops again: a gateway silent throughout is not judged until the cloud has heard for the whole window.
        book.Seen("gw-2", "site-b", back + Promise);
        book.NotListening();
        Assert.Empty(book.Sweep(back + (Promise * 4)));
        book.Listening(back + (Promise * 4));
        Assert.Empty(book.Sweep(back + (Promise * 5) - Look));
        Assert.Equal("gw-2", Assert.Single(book.Sweep(back + (Promise * 5))).GatewayId);
    }

    [Fact]
    public void WholeFleetFallsSilentAtOnce_NobodyIsTakenForOffline_UntilTheyAreHeardAgain()
    {
        var book = ListeningBook();
        var fleet = Fleet(100);
        var cut = T0 + TimeSpan.FromMinutes(5);
        HeartbeatUntil(book, fleet, cut);

        // The cloud's network is cut for ten minutes: every heartbeat stops, no ticket opens.
        for (var at = cut; at < cut + TimeSpan.FromMinutes(10); at += Look)
        {
            Assert.Empty(book.Sweep(at));
        }

        Assert.Equal(100, book.MassSilence!.Quiet);
        Assert.InRange(book.MassSilence.Since, cut, cut + (Promise / 2));

        // Back: 97 heartbeat again within one interval; three sites really went down meanwhile.
        var back = cut + TimeSpan.FromMinutes(10);
        DateTimeOffset? ended = null;
        for (var at = back; at < back + Heartbeat; at += Look)
        {
            foreach (var gateway in fleet.Skip(3).Where(g => Due(g, at)))
            {
                book.Seen(gateway, "site", at);
            }

            var wasMass = book.MassSilence is not null;
            Assert.Empty(book.Sweep(at));
            ended = wasMass && book.MassSilence is null ? at : ended;
        }

        Assert.NotNull(ended);
        Assert.Null(book.MassSilence);

        // The three still silent get the whole window again, counted from the end of the mass silence.
        var offline = new List<(string Id, DateTimeOffset At)>();
        for (var at = back + Heartbeat; at < back + Heartbeat + (Promise * 2); at += Look)
        {
            foreach (var gateway in fleet.Skip(3).Where(g => Due(g, at)))
            {
                book.Seen(gateway, "site", at);
            }

            offline.AddRange(book.Sweep(at).Select(g => (g.GatewayId, at)));
        }

        Assert.Equal(fleet.Take(3), offline.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.All(offline, o => Assert.InRange(o.At - ended.Value, Promise - Look, Promise));
    }

    [Fact]
    public void WaveOfLastWills_AsWhenTheCloudsNetworkDrops_OpensNothing()
    {
        var book = ListeningBook();
        var fleet = Fleet(100);
        var cut = T0 + TimeSpan.FromMinutes(5);
        HeartbeatUntil(book, fleet, cut);

        // The broker notices each dead link one and a half keep-alives after its last packet: the wills arrive over 30 s.
        for (var at = cut; at < cut + TimeSpan.FromMinutes(3); at += Look)
        {
            foreach (var gateway in fleet.Where(g => at - LastBeat(g, cut) >= TimeSpan.FromSeconds(45) && at - LastBeat(g, cut) < TimeSpan.FromSeconds(45) + Look))
            {
                book.WentOffline(gateway, "site", at);
            }

            Assert.Empty(book.Sweep(at));
        }

        Assert.NotNull(book.MassSilence);
    }

    [Theory]
    [InlineData(100, 19)] // a regional power cut: under a fifth of the fleet
    [InlineData(10, 10)] // a small fleet: fewer than 20 gateways are always each a fault
    public void SomeSitesFallSilent_EachIsTakenForOffline(int fleetSize, int silent)
    {
        var book = ListeningBook();
        var fleet = Fleet(fleetSize);
        var cut = T0 + TimeSpan.FromMinutes(5);
        HeartbeatUntil(book, fleet, cut);

        var offline = new List<string>();
        for (var at = cut; at < cut + (Promise * 2); at += Look)
        {
            foreach (var gateway in fleet.Skip(silent).Where(g => Due(g, at)))
            {
                book.Seen(gateway, "site", at);
            }

            offline.AddRange(book.Sweep(at).Select(g => g.GatewayId));
        }

        Assert.Equal(fleet.Take(silent), offline.Order(StringComparer.Ordinal));
        Assert.Null(book.MassSilence);
    }

    private static PresencePolicy Book() => PresencePolicy.NoticedWithin(Promise, Look, new MassSilenceLimits(Percent: 20, Minimum: 20));

    private static PresencePolicy ListeningBook()
    {
        var book = Book();
        book.Listening(T0 - TimeSpan.FromHours(1));
        return book;
    }

    private static List<string> Fleet(int size) => [.. Enumerable.Range(0, size).Select(i => $"gw-{i:000}")];

    /// <summary>Each gateway heartbeats every 30 s at its own phase, spread over the interval.</summary>
    private static bool Due(string gateway, DateTimeOffset at) =>
        (at - T0).Ticks % Heartbeat.Ticks == Phase(gateway).Ticks % Heartbeat.Ticks / Look.Ticks * Look.Ticks;

    private static TimeSpan Phase(string gateway) => Heartbeat * int.Parse(gateway[3..], System.Globalization.CultureInfo.InvariantCulture) / 100;

    private static DateTimeOffset LastBeat(string gateway, DateTimeOffset before)
    {
        var at = before - Look;
        while (!Due(gateway, at))
        {
            at -= Look;
        }

        return at;
    }

    private static void HeartbeatUntil(PresencePolicy book, List<string> fleet, DateTimeOffset until)
    {
        for (var at = T0; at < until; at += Look)
        {
            foreach (var gateway in fleet.Where(g => Due(g, at)))
            {
                book.Seen(gateway, "site", at);
            }

            Assert.Empty(book.Sweep(at));
        }
    }
}

namespace AfterSales.Cloud.Presence;

/// <summary>
/// Pure bookkeeping of which gateways are alive (docs/service-rules.md §2.14, §2.14a). A gateway is offline when
/// nothing has been heard from it for longer than <see cref="OfflineAfter"/>, or when its last will has stood for
/// <see cref="WillGrace"/>. The cloud judges only silence it could have heard: nothing while its own link to the
/// broker is down, silence counted from when it came back, and nothing while most of the fleet is quiet at once.
/// </summary>
public sealed class PresencePolicy(TimeSpan offlineAfter, TimeSpan willGrace, MassSilenceLimits mass)
{
    private readonly Dictionary<string, Entry> _gateways = new(StringComparer.Ordinal);
    private bool _listening;
    private DateTimeOffset _countFrom = DateTimeOffset.MinValue;
    private MassSilence? _mass;

    public TimeSpan OfflineAfter { get; } = offlineAfter;

    /// <summary>How long a last will stands before it counts: long enough to see a wave of them as a wave.</summary>
    public TimeSpan WillGrace { get; } = willGrace;

    /// <summary>Quiet for half the promise: at least one heartbeat missed, well before anyone is judged offline.</summary>
    public TimeSpan QuietAfter => OfflineAfter / 2;

    /// <summary>Set while most of the fleet is quiet at once (the cloud's fault, not the sites'): nobody is judged offline then.</summary>
    public MassSilence? MassSilence => _mass;

    /// <summary>
    /// The book that keeps the promise of §2.14: a silent gateway is noticed offline at most <paramref name="noticedWithin"/>
    /// after it was last heard from, although silence is only looked for every <paramref name="sweepInterval"/>. So
    /// silence counts once it is one sweep shorter than the promise: with 90 s and 5 s, a gateway silent for more than
    /// 85 s is offline, found by the next sweep at the latest 90 s after its last heartbeat (the heartbeat benchmark
    /// measured up to 95 s when the threshold was the whole 90 s). A last will counts after three sweeps (§2.14a).
    /// </summary>
    public static PresencePolicy NoticedWithin(TimeSpan noticedWithin, TimeSpan sweepInterval, MassSilenceLimits mass) =>
        new(noticedWithin - sweepInterval, sweepInterval * 3, mass);

    /// <summary>The cloud hears the broker from now on; silence before this moment is not the gateways' (§2.14a).</summary>
    public void Listening(DateTimeOffset now)
    {
        if (!_listening)
        {
            _listening = true;
            _countFrom = now;
        }
    }

    /// <summary>The cloud's own link to the broker is down: it can hear nobody, so it judges nobody.</summary>
    public void NotListening() => _listening = false;

    /// <summary>Starts watching a gateway as if just heard from, e.g. all known gateways at start-up.</summary>
    public void Track(string gatewayId, string siteId, DateTimeOffset now, bool offline) =>
        _gateways[gatewayId] = new Entry(siteId, now, offline, WillAt: null);

    public bool Knows(string gatewayId) => _gateways.ContainsKey(gatewayId);

    /// <summary>The gateways heard from after <paramref name="since"/>, with when they were last heard, oldest first.</summary>
    public IReadOnlyList<(string GatewayId, DateTimeOffset LastSeen)> HeardSince(DateTimeOffset since) =>
        [.. _gateways.Where(g => g.Value.LastSeen > since).Select(g => (g.Key, g.Value.LastSeen)).OrderBy(g => g.LastSeen)];

    /// <summary>Records a sign of life, which also withdraws a last will; true when the gateway was offline and is now back.</summary>
    public bool Seen(string gatewayId, string siteId, DateTimeOffset now)
    {
        var wasOffline = _gateways.TryGetValue(gatewayId, out var entry) && entry.Offline;
        _gateways[gatewayId] = new Entry(siteId, now, Offline: false, WillAt: null);
        return wasOffline;
    }

    /// <summary>
    /// A fault event from a gateway already watched for that site is a sign of life at the moment it was observed
    /// (§2.14): a gateway busy sending a burst is heard even when its heartbeats come late. It counts only when
    /// that moment is later than anything heard (and than a standing will) and inside the window, so an event that
    /// waited in a queue neither keeps alive nor brings back a gateway that has gone. A clock running ahead counts
    /// as now. True when the gateway was offline and is now back.
    /// </summary>
    public bool SeenEvent(string gatewayId, string siteId, DateTimeOffset observedAt, DateTimeOffset now)
    {
        var at = observedAt < now ? observedAt : now;
        if (!_gateways.TryGetValue(gatewayId, out var entry) || entry.SiteId != siteId
            || at <= entry.LastSeen || at <= entry.WillAt || now - at > OfflineAfter)
        {
            return false;
        }

        return Seen(gatewayId, siteId, at);
    }

    /// <summary>Records a last will or an explicit offline status, judged by a later sweep; true when this is news.</summary>
    public bool WentOffline(string gatewayId, string siteId, DateTimeOffset now)
    {
        if (_gateways.TryGetValue(gatewayId, out var entry) && (entry.Offline || entry.WillAt is not null))
        {
            return false;
        }

        _gateways[gatewayId] = new Entry(siteId, entry?.LastSeen ?? now, Offline: false, WillAt: now);
        return true;
    }

    /// <summary>
    /// Gateways found offline now, each reported once until seen again — none while the cloud is not listening, and
    /// none while most of the fleet is quiet at once (<see cref="MassSilenceLimits"/>). When such a mass silence ends,
    /// silence is counted again from that moment, as after the cloud's own link came back.
    /// </summary>
    public IReadOnlyList<SilentGateway> Sweep(DateTimeOffset now)
    {
        if (!_listening)
        {
            return [];
        }

        var due = new List<SilentGateway>();
        int watched = 0, quiet = 0;
        foreach (var (id, entry) in _gateways)
        {
            if (entry.Offline)
            {
                continue;
            }

            watched++;
            var heard = Later(entry.LastSeen, _countFrom);
            var willDue = entry.WillAt is { } will && now - Later(will, _countFrom) >= WillGrace;
            if (entry.WillAt is not null || now - heard > QuietAfter)
            {
                quiet++;
            }

            if (willDue || now - heard > OfflineAfter)
            {
                due.Add(new SilentGateway(id, entry.SiteId, entry.LastSeen, LastWill: entry.WillAt is not null));
            }
        }

        if (mass.Reached(quiet, watched))
        {
            _mass = new MassSilence(quiet, watched, _mass?.Since ?? now);
            return [];
        }

        if (_mass is not null)
        {
            _mass = null;
            _countFrom = now;
            return [];
        }

        foreach (var gateway in due)
        {
            _gateways[gateway.GatewayId] = _gateways[gateway.GatewayId] with { Offline = true, WillAt = null };
        }

        return due;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Entry(string SiteId, DateTimeOffset LastSeen, bool Offline, DateTimeOffset? WillAt);
}

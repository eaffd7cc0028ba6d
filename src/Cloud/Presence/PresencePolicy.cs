namespace AfterSales.Cloud.Presence;

/// <summary>
/// Pure bookkeeping of which gateways are alive. A gateway is offline when its last will
/// arrives or when nothing has been heard from it for longer than the timeout.
/// </summary>
public sealed class PresencePolicy(TimeSpan offlineAfter)
{
    private readonly Dictionary<string, Entry> _gateways = new(StringComparer.Ordinal);

    public TimeSpan OfflineAfter { get; } = offlineAfter;

    /// <summary>
    /// The book that keeps the promise of §2.14 (docs/service-rules.md): a silent gateway is noticed offline at most
    /// <paramref name="noticedWithin"/> after it was last heard from, although silence is only looked for every
    /// <paramref name="sweepInterval"/>. So silence counts once it is one sweep shorter than the promise: with 90 s and
    /// 5 s, a gateway silent for more than 85 s is offline, found by the next sweep at the latest 90 s after its last
    /// heartbeat (the heartbeat benchmark measured up to 95 s when the threshold was the whole 90 s).
    /// </summary>
    public static PresencePolicy NoticedWithin(TimeSpan noticedWithin, TimeSpan sweepInterval) => new(noticedWithin - sweepInterval);

    /// <summary>Starts watching a gateway as if just heard from, e.g. all known gateways at start-up.</summary>
    public void Track(string gatewayId, string siteId, DateTimeOffset now, bool offline) =>
        _gateways[gatewayId] = new Entry(siteId, now, offline);

    public bool Knows(string gatewayId) => _gateways.ContainsKey(gatewayId);

    /// <summary>Records a sign of life; true when the gateway was offline and is now back.</summary>
    public bool Seen(string gatewayId, string siteId, DateTimeOffset now)
    {
        var wasOffline = _gateways.TryGetValue(gatewayId, out var entry) && entry.Offline;
        _gateways[gatewayId] = new Entry(siteId, now, Offline: false);
        return wasOffline;
    }

    /// <summary>Records a last will or an explicit offline status; true when this is news.</summary>
    public bool WentOffline(string gatewayId, string siteId, DateTimeOffset now)
    {
        var wasOnline = !_gateways.TryGetValue(gatewayId, out var entry) || !entry.Offline;
        _gateways[gatewayId] = new Entry(siteId, entry?.LastSeen ?? now, Offline: true);
        return wasOnline;
    }

    /// <summary>Gateways silent for longer than the timeout, each reported once until seen again.</summary>
    public IReadOnlyList<SilentGateway> Sweep(DateTimeOffset now)
    {
        var silent = new List<SilentGateway>();
        foreach (var (id, entry) in _gateways)
        {
            if (!entry.Offline && now - entry.LastSeen > OfflineAfter)
            {
                silent.Add(new SilentGateway(id, entry.SiteId, entry.LastSeen));
            }
        }

        foreach (var gateway in silent)
        {
            _gateways[gateway.GatewayId] = _gateways[gateway.GatewayId] with { Offline = true };
        }

        return silent;
    }

    private sealed record Entry(string SiteId, DateTimeOffset LastSeen, bool Offline);
}

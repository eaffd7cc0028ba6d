using System.Text.Json;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Presence;

/// <summary>Turns gateway presence into <c>gateway.offline</c> tickets, raised and restored by the cloud itself.</summary>
internal sealed partial class PresenceService(
    PresencePolicy book,
    TicketDeskService desk,
    IDbContextFactory<CloudDb> dbs,
    TimeProvider time,
    ILogger<PresenceService> log)
{
    private readonly Lock _gate = new();
    private readonly Queue<FaultEvent> _news = new();
    private readonly HashSet<string> _firstSightings = new(StringComparer.Ordinal);
    private DateTimeOffset _lastHeardWritten = DateTimeOffset.MinValue;

    /// <summary>
    /// How often the time each gateway was last heard is written (a gateway's "last heard" on the admin pages and API):
    /// heartbeats stay off the database, and 100 000 gateways cost a few hundred batched statements every five minutes.
    /// </summary>
    public static readonly TimeSpan LastHeardWriteInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Watches every registered gateway from start-up, so one that went silent while the cloud
    /// was down is still noticed; one with an open offline ticket starts as offline.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var gateways = await db.Gateways.AsNoTracking().Where(g => g.LastSeenAt != null).ToListAsync(cancellationToken);
        var offline = await db.Tickets
            .Where(t => t.Fault == FaultCodes.GatewayOffline && t.ClosedAt == null && t.RestoredAt == null)
            .Select(t => t.DeviceId)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Tracking starts every gateway as heard now; only what is heard after this is news for the database.
            _lastHeardWritten = now;
            foreach (var gateway in gateways)
            {
                book.Track(gateway.Id, gateway.SiteId, now, offline.Contains(gateway.Id));
            }
        }
    }

    /// <summary>
    /// A heartbeat: recorded in memory only. Heartbeats arrive by the thousand each second on a big fleet, so
    /// they never wait for the database or the desk; what they change (a gateway back online, a first sighting)
    /// is written by the next sweep (<see cref="SweepAsync"/>).
    /// </summary>
    public void Seen(string gatewayId, string siteId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!book.Knows(gatewayId))
            {
                _firstSightings.Add(gatewayId);
            }

            if (book.Seen(gatewayId, siteId, now))
            {
                CameBack(gatewayId, siteId, now);
            }
        }
    }

    /// <summary>
    /// A fault event taken in from a gateway: a sign of life when it was observed (see <see cref="PresencePolicy.SeenEvent"/>),
    /// recorded in memory like a heartbeat.
    /// </summary>
    public void SeenEvent(string gatewayId, string siteId, DateTimeOffset observedAt)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (book.SeenEvent(gatewayId, siteId, observedAt, now))
            {
                CameBack(gatewayId, siteId, now);
            }
        }
    }

    /// <summary>A gateway taken for offline is heard again: its ticket is restored at the next sweep. Called under the gate.</summary>
    private void CameBack(string gatewayId, string siteId, DateTimeOffset now)
    {
        LogBack(log, gatewayId, siteId);
        _news.Enqueue(OfflineEvent(gatewayId, siteId, FaultState.Cleared, now, null));
    }

    public void Status(string gatewayId, string siteId, GatewayState state)
    {
        if (state == GatewayState.Online)
        {
            Seen(gatewayId, siteId);
            return;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (book.WentOffline(gatewayId, siteId, now))
            {
                LogWill(log, gatewayId, siteId, book.WillGrace.TotalSeconds);
            }
        }
    }

    /// <summary>The cloud's subscription on the broker is up: from now on it can hear the gateways (§2.14a).</summary>
    public void Listening() => UnderGate(() => book.Listening(time.GetUtcNow()));

    /// <summary>The cloud lost the broker: silence is not judged until it hears again.</summary>
    public void NotListening() => UnderGate(book.NotListening);

    /// <summary>Set while most of the fleet is quiet at once (§2.14a); the health check reports it.</summary>
    public MassSilence? MassSilence => UnderGate(() => book.MassSilence);

    /// <summary>
    /// Finds the gateways gone silent, then hands the desk every offline and back-online change in the order
    /// they happened, and records first sightings in one statement. A change stays queued until the desk has
    /// taken it, so a failed sweep (the database away) loses none; the next one goes on from there.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var before = book.MassSilence;
            foreach (var gateway in book.Sweep(now))
            {
                LogOffline(log, gateway.GatewayId, gateway.SiteId, gateway.LastWill ? "its last will stood" : $"nothing heard since {gateway.LastSeen:u}");
                _news.Enqueue(OfflineEvent(gateway.GatewayId, gateway.SiteId, FaultState.Raised, now, gateway.LastWill ? "last will" : "heartbeats stopped"));
            }

            ReportMassSilence(before, book.MassSilence);
        }

        await RecordFirstSightingsAsync(now, cancellationToken);
        await RecordLastHeardAsync(now, cancellationToken);
        while (UnderGate(() => _news.TryPeek(out var next) ? next : null) is { } change)
        {
            await desk.ApplyAsync(change, cancellationToken);
            UnderGate(_news.Dequeue);
        }
    }

    /// <summary>One error when a mass silence begins and one line when it ends, not one per sweep.</summary>
    private void ReportMassSilence(MassSilence? before, MassSilence? after)
    {
        if (after is { } mass && before is null)
        {
            LogMassSilence(log, mass.Quiet, mass.Watched, mass.Since);
        }
        else if (before is { } ended && after is null)
        {
            LogMassSilenceEnded(log, ended.Since, book.OfflineAfter.TotalSeconds);
        }
    }

    /// <summary>A gateway heard from for the first time is watched from every later start (<see cref="InitializeAsync"/>).</summary>
    private async Task RecordFirstSightingsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = UnderGate(() => _firstSightings.ToList());
        if (ids.Count == 0)
        {
            return;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Gateways.Where(g => chunk.Contains(g.Id) && g.LastSeenAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSeenAt, now), cancellationToken);
        }

        UnderGate(() => _firstSightings.ExceptWith(ids));
    }

    /// <summary>
    /// Every <see cref="LastHeardWriteInterval"/>, the gateways heard since the last write get their <c>LastSeenAt</c>, in
    /// batches that each take their oldest member's time: what is shown is never later than the truth, and at most
    /// one interval older. A failed write is tried again at the next sweep. Never moves a time backwards (another node
    /// writes the same gateways, as every node hears every heartbeat).
    /// </summary>
    private async Task RecordLastHeardAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - _lastHeardWritten < LastHeardWriteInterval)
        {
            return;
        }

        var heard = UnderGate(() => book.HeardSince(_lastHeardWritten));
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in heard.Chunk(500))
        {
            var ids = chunk.Select(g => g.GatewayId).ToList();
            var at = chunk[0].LastSeen;
            await db.Gateways.Where(g => ids.Contains(g.Id) && (g.LastSeenAt == null || g.LastSeenAt < at))
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSeenAt, at), cancellationToken);
        }

        _lastHeardWritten = now;
    }

    private T UnderGate<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    private void UnderGate(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    private static FaultEvent OfflineEvent(string gatewayId, string siteId, FaultState state, DateTimeOffset now, string? reason) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(now),
        SiteId = siteId,
        GatewayId = gatewayId,
        Seq = 0,
        DeviceId = gatewayId,
        DeviceKind = DeviceKind.Gateway,
        Fault = FaultCodes.GatewayOffline,
        State = state,
        Severity = FaultSeverity.Critical,
        OccurredAt = now,
        Detail = reason is null ? null : JsonSerializer.SerializeToElement(
            new Dictionary<string, string> { ["reason"] = reason, ["raisedBy"] = "cloud" },
            ProtocolJsonContext.Default.DictionaryStringString),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {GatewayId} of site {SiteId} is offline: {Why}")]
    private static partial void LogOffline(ILogger logger, string gatewayId, string siteId, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {GatewayId} of site {SiteId} sent its last will; it counts as offline if not heard within {Seconds} s")]
    private static partial void LogWill(ILogger logger, string gatewayId, string siteId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mass silence: {Quiet} of {Watched} gateways quiet at once since {Since:u}. The cloud or its network is not hearing them; no gateway is taken for offline until they are heard again. Check the broker, the cloud's network and the mobile networks the sites use")]
    private static partial void LogMassSilence(ILogger logger, int quiet, int watched, DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mass silence since {Since:u} is over; a gateway still silent is taken for offline after {Seconds} s more")]
    private static partial void LogMassSilenceEnded(ILogger logger, DateTimeOffset since, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {GatewayId} of site {SiteId} is back online")]
    private static partial void LogBack(ILogger logger, string gatewayId, string siteId);
}

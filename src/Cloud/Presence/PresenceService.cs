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
            foreach (var gateway in gateways)
            {
                book.Track(gateway.Id, gateway.SiteId, now, offline.Contains(gateway.Id));
            }
        }
    }

    public async Task SeenAsync(string gatewayId, string siteId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (firstSighting, cameBack) = UnderGate(() => (!book.Knows(gatewayId), book.Seen(gatewayId, siteId, now)));
        if (firstSighting)
        {
            await RecordSeenAsync(gatewayId, now, cancellationToken);
        }

        if (cameBack)
        {
            LogBack(log, gatewayId, siteId);
            await desk.ApplyAsync(OfflineEvent(gatewayId, siteId, FaultState.Cleared, now, null), cancellationToken);
        }
    }

    public async Task StatusAsync(string gatewayId, string siteId, GatewayState state, CancellationToken cancellationToken)
    {
        if (state == GatewayState.Online)
        {
            await SeenAsync(gatewayId, siteId, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        if (UnderGate(() => book.WentOffline(gatewayId, siteId, now)))
        {
            LogOffline(log, gatewayId, siteId, "its last will arrived");
            await desk.ApplyAsync(OfflineEvent(gatewayId, siteId, FaultState.Raised, now, "last will"), cancellationToken);
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var silent = UnderGate(() => book.Sweep(now));
        foreach (var gateway in silent)
        {
            LogOffline(log, gateway.GatewayId, gateway.SiteId, $"nothing heard since {gateway.LastSeen:u}");
            await desk.ApplyAsync(OfflineEvent(gateway.GatewayId, gateway.SiteId, FaultState.Raised, now, "heartbeats stopped"), cancellationToken);
        }
    }

    private async Task RecordSeenAsync(string gatewayId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.Gateways.Where(g => g.Id == gatewayId)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSeenAt, now), cancellationToken);
    }

    private T UnderGate<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {GatewayId} of site {SiteId} is back online")]
    private static partial void LogBack(ILogger logger, string gatewayId, string siteId);
}

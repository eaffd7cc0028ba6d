using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.Uplink;

internal sealed partial class MqttUplink
{
    /// <summary>
    /// Runs beside the event loop on its own timer, so a long backlog of events never delays the
    /// beat the cloud uses to decide whether the site is still watched.
    /// </summary>
    private async Task HeartbeatLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval(), time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                // The cloud's site config may change the interval at any time.
                timer.Period = HeartbeatInterval();
                siteConfig.RetryIssuedAhead();
                if (!_client.IsConnected)
                {
                    continue;
                }

                var beat = new Heartbeat
                {
                    GatewayId = config.GatewayId,
                    At = time.GetUtcNow(),
                    UptimeS = (long)time.GetElapsedTime(_startedAt).TotalSeconds,
                    OutboxDepth = outbox.Count,
                    ActiveFaults = tracker.ActiveCount,
                };
                try
                {
                    await _client.PublishAsync(UplinkMessages.Heartbeat(config.SiteId, beat), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    // The event loop notices the broken link and reconnects; a missed beat is harmless.
                    LogHeartbeatFailed(Reason(ex));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private TimeSpan HeartbeatInterval() =>
        siteConfig.Current is { } site ? TimeSpan.FromSeconds(site.Checks.HeartbeatIntervalS) : config.HeartbeatInterval;
}

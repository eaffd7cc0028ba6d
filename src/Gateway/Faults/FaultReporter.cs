using AfterSales.Gateway.Telemetry;
using AfterSales.Protocol.Contracts;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Faults;

/// <summary>
/// The one way into the uplink for every watcher on the site: the tracker decides whether an
/// observation is news, and news is queued and logged. Watchers stay free of queue and sequence details.
/// </summary>
internal sealed partial class FaultReporter(FaultTracker tracker, IEventQueue queue, ILogger<FaultReporter> logger)
{
    // Held across "assign seq" and "store": the outbox then keeps events in seq order whichever watcher reports.
    private readonly Lock _order = new();

    // The latest refused change per (device, fault) that nothing newer has superseded; guarded by _order.
    private readonly Dictionary<(string DeviceId, string Fault), FaultObservation> _refused = [];

    /// <summary>Queues an event when the observation changes the fault's state; returns whether it did.</summary>
    public bool Report(FaultObservation observation)
    {
        var evt = Queue(observation);
        if (evt is null)
        {
            return false;
        }

        LogFaultChanged(evt.Fault, FaultStateNames.Of(evt.State), evt.DeviceId, evt.Seq);
        return true;
    }

    /// <summary>
    /// The event now stored in the outbox, or null when the observation is not news or the outbox
    /// refused it (logged here as an error: that change will not reach the cloud unless observed again).
    /// </summary>
    public FaultEvent? Queue(FaultObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        lock (_order)
        {
            // Whatever becomes of this observation, it is newer than a refused one of the same fault.
            _refused.Remove((observation.DeviceId, observation.Fault));
            var evt = tracker.Observe(observation);
            if (evt is null)
            {
                return null;
            }

            try
            {
                GatewayMetrics.EventQueuing(evt.Seq);
                queue.Enqueue(evt);
                GatewayMetrics.EventQueued();
                return evt;
            }
            catch (OutboxFullException ex)
            {
                tracker.Revert(evt);
                GatewayMetrics.EventRefused();
                _refused[(observation.DeviceId, observation.Fault)] = observation;
                LogRefused(evt.Fault, FaultStateNames.Of(evt.State), evt.DeviceId, evt.Seq, ex.Message);
                return null;
            }
        }
    }

    /// <summary>
    /// Once the outbox has room again: reports, oldest first and with the time they were observed, the refused
    /// changes that are still the latest word on their fault. A contact that went into fault while the outbox was
    /// full and stayed there reaches the cloud; one that went back to normal meanwhile needs no message at all.
    /// </summary>
    public int RetryRefused()
    {
        lock (_order)
        {
            var pending = _refused.Values.OrderBy(o => o.ObservedAt).ToList();
            var queued = pending.Count(Report);
            if (pending.Count > 0)
            {
                LogRetried(pending.Count, queued);
            }

            return queued;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault {Fault} {State} on {DeviceId}, seq {Seq} queued")]
    private partial void LogFaultChanged(string fault, string state, string deviceId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting again {Count} fault changes refused while the outbox was full: {Queued} queued")]
    private partial void LogRetried(int count, int queued);

    [LoggerMessage(Level = LogLevel.Error, Message = "OUTBOX FULL: fault {Fault} {State} on {DeviceId} (seq {Seq}) was NOT queued; it is reported again once the outbox has room, unless a newer change of it comes first: {Reason}")]
    private partial void LogRefused(string fault, string state, string deviceId, long seq, string reason);
}

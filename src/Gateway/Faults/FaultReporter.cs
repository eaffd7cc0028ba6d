using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Uplink;
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
        lock (_order)
        {
            var evt = tracker.Observe(observation);
            if (evt is null)
            {
                return null;
            }

            try
            {
                queue.Enqueue(evt);
                return evt;
            }
            catch (OutboxFullException ex)
            {
                tracker.Revert(evt);
                LogRefused(evt.Fault, FaultStateNames.Of(evt.State), evt.DeviceId, evt.Seq, ex.Message);
                return null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault {Fault} {State} on {DeviceId}, seq {Seq} queued")]
    private partial void LogFaultChanged(string fault, string state, string deviceId, long seq);

    [LoggerMessage(Level = LogLevel.Error, Message = "OUTBOX FULL: fault {Fault} {State} on {DeviceId} (seq {Seq}) was NOT queued and will not reach the cloud unless it is seen again: {Reason}")]
    private partial void LogRefused(string fault, string state, string deviceId, long seq, string reason);
}

using AfterSales.Gateway.Uplink;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Faults;

/// <summary>
/// The one way into the uplink for every watcher on the site: the tracker decides whether an
/// observation is news, and news is queued and logged. Watchers stay free of queue and sequence details.
/// </summary>
internal sealed partial class FaultReporter(FaultTracker tracker, IEventQueue queue, ILogger<FaultReporter> logger)
{
    /// <summary>Queues an event when the observation changes the fault's state; returns whether it did.</summary>
    public bool Report(FaultObservation observation)
    {
        var evt = tracker.Observe(observation);
        if (evt is null)
        {
            return false;
        }

        queue.Enqueue(evt);
        LogFaultChanged(evt.Fault, FaultStateNames.Of(evt.State), evt.DeviceId, evt.Seq);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault {Fault} {State} on {DeviceId}, seq {Seq} queued")]
    private partial void LogFaultChanged(string fault, string state, string deviceId, long seq);
}

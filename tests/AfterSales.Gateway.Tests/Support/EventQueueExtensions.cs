using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.Tests.Support;

internal static class EventQueueExtensions
{
    /// <summary>Takes every queued event, oldest first, as the uplink would after each PUBACK.</summary>
    public static List<FaultEvent> Drain(this InMemoryEventQueue queue)
    {
        var events = new List<FaultEvent>();
        while (queue.TryPeek(out var evt))
        {
            queue.RemoveHead(evt);
            events.Add(evt);
        }

        return events;
    }
}

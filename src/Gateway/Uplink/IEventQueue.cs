using AfterSales.Gateway.Outbox;
using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.Uplink;

/// <summary>
/// Where the fault reporter puts events for the uplink. The production implementation is the durable
/// <see cref="SqliteOutbox"/>: an event is on disk when <see cref="Enqueue"/> returns.
/// </summary>
internal interface IEventQueue
{
    /// <summary>Events taken and not yet acknowledged by the broker.</summary>
    int Count { get; }

    /// <summary>Takes the event, or throws <see cref="OutboxFullException"/> when it cannot be kept.</summary>
    void Enqueue(FaultEvent value);
}

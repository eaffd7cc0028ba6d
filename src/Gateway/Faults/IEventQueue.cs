using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.Faults;

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

    /// <summary>
    /// The faults whose latest event taken is a raise: what the cloud has been, or is about to be, told is active.
    /// The durable outbox keeps it across restarts, so a gateway that starts again knows which tickets are open.
    /// </summary>
    IReadOnlyCollection<(string DeviceId, string Fault)> ActiveFaults();
}

using System.Diagnostics.CodeAnalysis;
using AfterSales.Protocol.Contracts;

namespace AfterSales.Gateway.Uplink;

/// <summary>
/// Events waiting for the broker's PUBACK, oldest first. An event leaves only through
/// <see cref="RemoveHead"/> after it was acknowledged, so a failed publish is retried in order.
/// The in-memory queue is the first implementation; a durable outbox will replace it.
/// </summary>
internal interface IEventQueue
{
    int Count { get; }

    void Enqueue(FaultEvent value);

    bool TryPeek([MaybeNullWhen(false)] out FaultEvent value);

    /// <summary>Removes the head, which must be <paramref name="acknowledged"/>.</summary>
    void RemoveHead(FaultEvent acknowledged);

    /// <summary>Completes when the queue holds at least one event.</summary>
    Task WaitForEventAsync(CancellationToken cancellationToken);
}

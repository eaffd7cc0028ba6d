using System.Diagnostics.CodeAnalysis;
using AfterSales.Gateway.Faults;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>An in-memory queue for tests of the producers; the gateway itself runs on the durable <see cref="Outbox.SqliteOutbox"/>.</summary>
internal sealed class InMemoryEventQueue : IEventQueue
{
    private readonly Lock _lock = new();
    private readonly Queue<FaultEvent> _events = new();
    private readonly HashSet<(string DeviceId, string Fault)> _active = [];
    private TaskCompletionSource _nonEmpty = NewSignal();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    public void Enqueue(FaultEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            _events.Enqueue(value);
            _ = value.State == FaultState.Raised ? _active.Add((value.DeviceId, value.Fault)) : _active.Remove((value.DeviceId, value.Fault));
            _nonEmpty.TrySetResult();
        }
    }

    public IReadOnlyCollection<(string DeviceId, string Fault)> ActiveFaults()
    {
        lock (_lock)
        {
            return [.. _active];
        }
    }

    public bool TryPeek([MaybeNullWhen(false)] out FaultEvent value)
    {
        lock (_lock)
        {
            return _events.TryPeek(out value);
        }
    }

    public void RemoveHead(FaultEvent acknowledged)
    {
        lock (_lock)
        {
            if (!_events.TryPeek(out var head) || !ReferenceEquals(head, acknowledged))
            {
                throw new InvalidOperationException("Only the event at the head of the queue can be acknowledged.");
            }

            _events.Dequeue();
            if (_events.Count == 0)
            {
                _nonEmpty = NewSignal();
            }
        }
    }

    public Task WaitForEventAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _events.Count > 0 ? Task.CompletedTask : _nonEmpty.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

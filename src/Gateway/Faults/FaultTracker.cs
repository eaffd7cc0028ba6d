using AfterSales.Gateway.Identity;
using AfterSales.Gateway.Sequencing;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Faults;

/// <summary>
/// Turns observed fault states into fault events exactly once per transition: raising a fault
/// that is already active, or clearing one that is not, yields nothing, so the cloud never sees
/// duplicate tickets from a chattering contact.
/// </summary>
internal sealed class FaultTracker(GatewayIdentity identity, ISequenceSource sequence, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly HashSet<(string DeviceId, string Fault)> _active = [];

    // The seq of the last event made since start; 0 until then (docs/ingest.md, "Order across nodes").
    private long _lastSeq;

    public int ActiveCount
    {
        get
        {
            lock (_lock)
            {
                return _active.Count;
            }
        }
    }

    /// <summary>
    /// Undoes the state change of an event the outbox refused, so the tracker does not believe the
    /// cloud knows something it was never told; the next observation of that state reports it again.
    /// </summary>
    public void Revert(FaultEvent refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        lock (_lock)
        {
            var key = (refused.DeviceId, refused.Fault);
            _ = refused.State == FaultState.Raised ? _active.Remove(key) : _active.Add(key);

            // Its seq was never sent: the next event names the one before it, so the cloud waits for nothing.
            if (_lastSeq == refused.Seq)
            {
                _lastSeq = refused.PrevSeq ?? 0;
            }
        }
    }

    /// <summary>
    /// Starts from the faults the cloud was last told are active (kept by the outbox across restarts). A watcher's
    /// first verdict after start then confirms each one silently, or clears it if it healed while the gateway was off.
    /// </summary>
    public void Resume(IEnumerable<(string DeviceId, string Fault)> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        lock (_lock)
        {
            _active.UnionWith(active);
        }
    }

    /// <summary>The faults active now, for the status file.</summary>
    public IReadOnlyList<(string DeviceId, string Fault)> Active()
    {
        lock (_lock)
        {
            return [.. _active.Order()];
        }
    }

    /// <summary>Returns the event to publish when the observation changes the fault's state, else null.</summary>
    public FaultEvent? Observe(FaultObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        lock (_lock)
        {
            var key = (observation.DeviceId, observation.Fault);
            var changed = observation.IsActive ? _active.Add(key) : _active.Remove(key);
            if (!changed)
            {
                return null;
            }

            var seq = sequence.Next();
            long previous = _lastSeq;
            _lastSeq = seq;
            return new FaultEvent
            {
                Schema = FaultEvent.SchemaV1,
                EventId = Guid.CreateVersion7(time.GetUtcNow()),
                SiteId = identity.SiteId,
                GatewayId = identity.GatewayId,
                Seq = seq,
                PrevSeq = previous,
                DeviceId = observation.DeviceId,
                DeviceKind = observation.DeviceKind,
                Fault = observation.Fault,
                State = observation.IsActive ? FaultState.Raised : FaultState.Cleared,
                Severity = observation.Severity,
                OccurredAt = observation.ObservedAt.ToUniversalTime(),
                Detail = observation.Detail,
            };
        }
    }
}

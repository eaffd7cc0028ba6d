namespace AfterSales.Gateway.Telemetry;

/// <summary>
/// Remembers when each event was queued until its PUBACK, for the queue → PUBACK latency. Events are published in seq
/// order, so one acknowledged seq also settles every earlier one still remembered (lost to a restart, or refused): the
/// memory never holds more than the unacknowledged backlog, and at most <c>capacity</c> of that (a long backlog is not
/// timed, its latency is the outage, which the reconnect count shows). Pure: the caller gives the timestamps.
/// </summary>
internal sealed class PublishTimer(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Seq, long QueuedAt)> _waiting = new();

    public void Queued(long seq, long timestamp)
    {
        lock (_lock)
        {
            if (_waiting.Count < capacity)
            {
                _waiting.Enqueue((seq, timestamp));
            }
        }
    }

    /// <summary>When <paramref name="seq"/> was queued, if it was timed.</summary>
    public long? Acknowledged(long seq)
    {
        lock (_lock)
        {
            while (_waiting.TryPeek(out var head) && head.Seq <= seq)
            {
                _waiting.Dequeue();
                if (head.Seq == seq)
                {
                    return head.QueuedAt;
                }
            }

            return null;
        }
    }
}

namespace AfterSales.Gateway.Uplink;

/// <summary>
/// What the uplink drains: messages kept until the broker acknowledged them, oldest first. The uplink owns this
/// port so it depends on no storage; the durable outbox implements it.
/// </summary>
internal interface IUplinkOutbox
{
    /// <summary>Entries taken and not yet acknowledged by the broker: the heartbeat's outbox depth.</summary>
    int Count { get; }

    /// <summary>Where the entries are kept, for the log line that names what is left unsent at shutdown.</summary>
    string FilePath { get; }

    /// <summary>The oldest entries not yet acknowledged, in order.</summary>
    IReadOnlyList<OutboxEntry> ReadBatch(int max);

    /// <summary>Records the broker's PUBACK for the oldest unacknowledged entry.</summary>
    void Acknowledge(OutboxEntry entry);

    /// <summary>Deletes acknowledged entries now; called when the backlog is drained and at shutdown.</summary>
    void Flush();

    /// <summary>Completes when there is an entry not yet acknowledged.</summary>
    Task WaitForEntriesAsync(CancellationToken cancellationToken);
}

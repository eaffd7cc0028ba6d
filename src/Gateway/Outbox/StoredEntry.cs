using AfterSales.Gateway.Uplink;

namespace AfterSales.Gateway.Outbox;

/// <summary>An outbox row with what the budget knows of it; the uplink only sees the <see cref="OutboxEntry"/> part.</summary>
internal sealed record StoredEntry(long Id, OutboxPriority Priority, string Topic, long? Seq, byte[] Payload, long Size)
    : OutboxEntry(Id, Topic, Seq, Payload, Size);

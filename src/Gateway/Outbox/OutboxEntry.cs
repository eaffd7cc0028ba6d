namespace AfterSales.Gateway.Outbox;

/// <summary>One stored message, in the order it was taken; <see cref="Size"/> is what it counts against the budget.</summary>
internal sealed record OutboxEntry(long Id, OutboxPriority Priority, string Topic, long? Seq, byte[] Payload, long Size);

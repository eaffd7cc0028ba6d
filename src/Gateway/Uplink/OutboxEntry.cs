namespace AfterSales.Gateway.Uplink;

/// <summary>One stored message, in the order it was taken; <see cref="Size"/> is what it counts against the outbox's budget.</summary>
internal record OutboxEntry(long Id, string Topic, long? Seq, byte[] Payload, long Size);

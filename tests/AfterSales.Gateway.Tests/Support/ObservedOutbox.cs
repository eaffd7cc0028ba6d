using AfterSales.Gateway.Uplink;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>The outbox as the uplink sees it, telling the test each time the broker acknowledged an entry.</summary>
internal sealed class ObservedOutbox(IUplinkOutbox inner) : IUplinkOutbox
{
    public event Action<OutboxEntry>? Acknowledged;

    public int Count => inner.Count;

    public string FilePath => inner.FilePath;

    public IReadOnlyList<OutboxEntry> ReadBatch(int max) => inner.ReadBatch(max);

    public void Acknowledge(OutboxEntry entry)
    {
        inner.Acknowledge(entry);
        Acknowledged?.Invoke(entry);
    }

    public void Flush() => inner.Flush();

    public Task WaitForEntriesAsync(CancellationToken cancellationToken) => inner.WaitForEntriesAsync(cancellationToken);
}

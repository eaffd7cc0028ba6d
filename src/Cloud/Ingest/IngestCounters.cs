using System.Collections.Concurrent;
using AfterSales.Cloud.Telemetry;

namespace AfterSales.Cloud.Ingest;

/// <summary>What ingest did since start-up, for the health endpoint and the benchmark.</summary>
internal sealed class IngestCounters
{
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private readonly ConcurrentDictionary<string, long> _rejectedBy = new(StringComparer.Ordinal);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Rejected => Interlocked.Read(ref _rejected);

    public IReadOnlyDictionary<string, long> RejectedBy => _rejectedBy;

    public void CountAccepted()
    {
        Interlocked.Increment(ref _accepted);
        CloudMetrics.CountStored(duplicate: false);
    }

    public void CountDuplicate()
    {
        Interlocked.Increment(ref _duplicates);
        CloudMetrics.CountStored(duplicate: true);
    }

    public void CountRejected(string category)
    {
        Interlocked.Increment(ref _rejected);
        CloudMetrics.CountRejected(category);
        _rejectedBy.AddOrUpdate(category, 1, (_, n) => n + 1);
    }
}

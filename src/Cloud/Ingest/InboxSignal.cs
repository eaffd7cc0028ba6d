namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Wakes the inbox worker as soon as this node committed events, so a quiet system works an event
/// within milliseconds instead of at the next poll. Several signals before the worker looks count as one.
/// </summary>
internal sealed class InboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Set()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the worker will read everything committed so far.
        }
    }

    public void Dispose() => _pending.Dispose();

    /// <summary>True when signalled, false when the wait ran out (time to poll for other nodes' events).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _pending.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

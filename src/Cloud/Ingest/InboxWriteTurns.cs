namespace AfterSales.Cloud.Ingest;

/// <summary>
/// SQLite has one writer at a time, and a writer that finds the file locked retries with pauses. Two
/// write to the inbox file: the group commit and the worker deleting what the desk applied. Taking
/// turns in the process gives the group commit the lock after at most one short delete instead of
/// after a pause. PostgreSQL locks rows, not the database, so there the turns are free.
/// </summary>
internal sealed class InboxWriteTurns(bool serialize) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<IDisposable?> TakeAsync(CancellationToken cancellationToken)
    {
        if (!serialize)
        {
            return null;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}

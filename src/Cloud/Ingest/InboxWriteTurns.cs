namespace AfterSales.Cloud.Ingest;

/// <summary>
/// SQLite has one writer at a time, and a writer that finds the file locked retries with pauses: the
/// inbox commit, stuck behind the desk's transactions, got a turn only every few hundred ms and intake
/// fell from ~2 000 to ~400 events/s in the benchmark. Taking turns in the process instead gives the
/// group commit the lock after at most one desk transaction. PostgreSQL locks rows, not the database,
/// so there the turns are free.
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

using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Group commit into the inbox: everyone who appends while a commit is running goes into the next
/// one, so many events share one transaction (one fsync) and nobody waits longer than the commit
/// before theirs plus their own. <see cref="AppendAsync"/> completes only once the event is durable;
/// if the commit fails, every event of it fails and its sender is told so (it keeps and resends it).
/// </summary>
internal sealed partial class InboxWriterWorker(
    InboxStore store,
    InboxSignal signal,
    InboxWriteTurns turns,
    IOptions<InboxOptions> options,
    ILogger<InboxWriterWorker> log) : BackgroundService
{
    private const int RememberedFailedStreams = 1024;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    // Streams (deliveries) with an event that failed to commit; only the writer loop touches it.
    private readonly HashSet<string> _failedStreams = new(StringComparer.Ordinal);

    /// <summary>Completes when the event is committed; throws when it could not be (see <see cref="InboxIntakeService.StoreAsync"/> for <paramref name="stream"/>).</summary>
    public Task AppendAsync(InboxEvent inboxEvent, string? stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var pending = new Pending(inboxEvent, stream, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down; the event was not stored.");
        }

        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var max = Math.Max(1, options.Value.MaxCommitBatch);
        var batch = new List<Pending>(max);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < max && reader.TryRead(out var pending))
                {
                    if (pending.Stream is not null && _failedStreams.Contains(pending.Stream))
                    {
                        pending.Committed.TrySetException(new InvalidOperationException("An earlier event of this delivery was not stored; it is refused too so that all come again in order."));
                        continue;
                    }

                    batch.Add(pending);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                await CommitAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whoever still waits is told the event was not stored, so the broker
            // answers with an error and the gateway keeps it.
        }
        finally
        {
            _queue.Writer.TryComplete();
            var stopped = new InvalidOperationException("The cloud is stopping; the event was not stored.");
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(stopped);
            }

            while (reader.TryRead(out var pending))
            {
                pending.Committed.TrySetException(stopped);
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        try
        {
            using (await turns.TakeAsync(stoppingToken))
            {
                await store.AppendAsync(batch.ConvertAll(p => p.Event), stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogCommitFailed(log, batch.Count, ex.Message);
            if (_failedStreams.Count > RememberedFailedStreams)
            {
                _failedStreams.Clear(); // old deliveries are long gone; only the latest matter
            }

            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(ex);
                if (pending.Stream is not null)
                {
                    _failedStreams.Add(pending.Stream);
                }
            }

            batch.Clear();
            return;
        }

        foreach (var pending in batch)
        {
            pending.Committed.TrySetResult();
        }

        batch.Clear();
        signal.Set();
    }

    private sealed record Pending(InboxEvent Event, string? Stream, TaskCompletionSource Committed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox commit of {Count} events failed; their senders keep them and resend: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, int count, string reason);
}

using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Supervision;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Inputs;

/// <summary>
/// Reads the inputs when the GPIO driver reports an edge, and again once the input's debounce time has passed to
/// confirm the level, then queues the fault events they produce. Where the driver has no edge events every input is
/// polled every <c>pollIntervalMilliseconds</c>; with edges a slow poll stays as a safety net for a missed interrupt.
/// </summary>
internal sealed partial class InputWatcher(
    InputMonitor monitor,
    FaultReporter reporter,
    LoopHealth health,
    InputSettings settings,
    TimeProvider time,
    ILogger<InputWatcher> logger) : IHostedService, IDisposable
{
    public const string LoopName = "inputs";

    /// <summary>With edge events the timer only catches what an interrupt might miss, and keeps the watchdog fed.</summary>
    public static readonly TimeSpan SafetyPollInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _pollLock = new();
    private readonly Dictionary<int, ITimer> _confirmations = [];
    private ITimer? _timer;
    private bool _pollFailing;
    private int _pollRequested;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        monitor.Open();

        // A read that hangs in the driver stops these beats, and with them the systemd watchdog pings.
        health.Register(LoopName, LoopHealth.IdleBeat * 5);
        var interval = settings.PollInterval;
        if (monitor.TryWatchEdges(OnEdge))
        {
            interval = interval > SafetyPollInterval ? interval : SafetyPollInterval;
            LogWatchingEdges(settings.Inputs.Count, (int)interval.TotalMilliseconds);
        }
        else
        {
            LogWatching(settings.Inputs.Count, (int)interval.TotalMilliseconds);
        }

        _timer = time.CreateTimer(_ => Poll(), null, interval, interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_confirmations)
        {
            foreach (var timer in _confirmations.Values)
            {
                timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_confirmations)
        {
            foreach (var timer in _confirmations.Values)
            {
                timer.Dispose();
            }
        }
    }

    /// <summary>
    /// Reads now, and once more when the input's debounce time is up: the new level is confirmed then, not at
    /// the next tick. A later edge on the same pin moves that read, as the debouncer starts over too.
    /// </summary>
    private void OnEdge(InputConfig input)
    {
        Poll();
        if (input.Debounce <= TimeSpan.Zero)
        {
            return;
        }

        lock (_confirmations)
        {
            if (!_confirmations.TryGetValue(input.Pin, out var timer))
            {
                _confirmations[input.Pin] = timer = time.CreateTimer(_ => Poll(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            timer.Change(input.Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    internal void Poll()
    {
        // A slow read must not let another run concurrently and feed the debouncers out of order; an edge that
        // arrives meanwhile is not lost: the running poll reads again before it lets go.
        Interlocked.Exchange(ref _pollRequested, 1);
        while (Volatile.Read(ref _pollRequested) == 1 && _pollLock.TryEnter())
        {
            try
            {
                while (Interlocked.Exchange(ref _pollRequested, 0) == 1)
                {
                    PollOnce();
                }
            }
            finally
            {
                _pollLock.Exit();
            }
        }
    }

    private void PollOnce()
    {
        try
        {
            health.Beat(LoopName);
            foreach (var change in monitor.Poll())
            {
                var evt = reporter.Queue(change.ToObservation());
                if (evt is null)
                {
                    continue;
                }

                var state = FaultStateNames.Of(evt.State);
                LogFaultChanged(evt.Fault, state, change.Input.Pin, change.Input.Name, evt.Seq);
            }

            _pollFailing = false;
        }
#pragma warning disable CA1031 // A failed read must not kill the timer; it is retried on the next tick.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!_pollFailing)
            {
                LogPollFailed(ex);
            }

            _pollFailing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {InputCount} inputs every {PollMs} ms (the GPIO driver reports no edges)")]
    private partial void LogWatching(int inputCount, int pollMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {InputCount} inputs on GPIO edge events, and reading them every {PollMs} ms in case one is missed")]
    private partial void LogWatchingEdges(int inputCount, int pollMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault {Fault} {State} on pin {Pin} ({InputName}), seq {Seq} queued")]
    private partial void LogFaultChanged(string fault, string state, int pin, string inputName, long seq);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the inputs failed; retrying on every tick")]
    private partial void LogPollFailed(Exception exception);
}

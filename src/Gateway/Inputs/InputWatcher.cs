using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Supervision;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Inputs;

/// <summary>
/// Polls the inputs on a timer and queues the fault events they produce. A timer rather than GPIO
/// edge callbacks: it works the same on every driver, and debounce needs a clock tick anyway.
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

    private readonly Lock _pollLock = new();
    private ITimer? _timer;
    private bool _pollFailing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        monitor.Open();

        // A read that hangs in the driver stops these beats, and with them the systemd watchdog pings.
        health.Register(LoopName, LoopHealth.IdleBeat * 5);
        LogWatching(settings.Inputs.Count, (int)settings.PollInterval.TotalMilliseconds);
        _timer = time.CreateTimer(_ => Poll(), null, settings.PollInterval, settings.PollInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    internal void Poll()
    {
        // A slow read must not let the next tick run concurrently and feed the debouncers out of order.
        if (!_pollLock.TryEnter())
        {
            return;
        }

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
        finally
        {
            _pollLock.Exit();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {InputCount} inputs every {PollMs} ms")]
    private partial void LogWatching(int inputCount, int pollMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault {Fault} {State} on pin {Pin} ({InputName}), seq {Seq} queued")]
    private partial void LogFaultChanged(string fault, string state, int pin, string inputName, long seq);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the inputs failed; retrying on every tick")]
    private partial void LogPollFailed(Exception exception);
}

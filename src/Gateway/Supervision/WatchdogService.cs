using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Supervision;

/// <summary>
/// Sends <c>WATCHDOG=1</c> to systemd at half the unit's <c>WatchdogSec</c>, but only while every
/// work loop registered in <see cref="LoopHealth"/> has checked in lately. A hung loop therefore
/// stops the pings, and systemd kills and restarts the gateway (the outbox keeps every event taken).
/// </summary>
internal sealed partial class WatchdogService(
    LoopHealth health,
    SystemdNotifier? notifier,
    TimeSpan? watchdogInterval,
    TimeProvider time,
    ILogger<WatchdogService> logger) : BackgroundService
{
    public const string IntervalVariable = "WATCHDOG_USEC";
    public const string PidVariable = "WATCHDOG_PID";

    private bool _withholding;
    private PeriodicTimer? _timer;

    /// <summary>systemd's <c>WATCHDOG_USEC</c>, when it is meant for this process.</summary>
    public static TimeSpan? IntervalFromEnvironment()
    {
        var pid = Environment.GetEnvironmentVariable(PidVariable);
        if (pid is not null && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return long.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec)
            : null;
    }

    /// <summary>One watchdog tick: pings when every loop is alive; returns whether it pinged.</summary>
    internal bool PingIfHealthy()
    {
        var stuck = health.Stuck();
        if (stuck.Count > 0)
        {
            if (!_withholding)
            {
                var names = string.Join(", ", stuck.Select(s => $"{s.Loop} silent for {s.Silent.TotalSeconds:0} s"));
                LogWithholding(names);
            }

            _withholding = true;
            return false;
        }

        if (_withholding)
        {
            LogResumed();
            _withholding = false;
        }

        return notifier?.Notify("WATCHDOG=1") ?? false;
    }

    /// <summary>
    /// The timer is made here, before the host goes on: ExecuteAsync runs on the thread pool, and the
    /// pings must be due from start-up whenever that thread gets to run.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (notifier is not null && watchdogInterval is { } interval)
        {
            LogEnabled(interval.TotalSeconds);
            _timer = new PeriodicTimer(interval / 2, time);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                PingIfHealthy();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: systemd hears STOPPING=1 from the host lifetime.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog enabled: {Seconds} s; pinging while every work loop is alive")]
    private partial void LogEnabled(double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Work loop stuck ({Loops}); withholding the watchdog ping so systemd restarts the gateway")]
    private partial void LogWithholding(string loops);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Every work loop is alive again; watchdog pings resumed")]
    private partial void LogResumed();
}

namespace AfterSales.Gateway.Supervision;

/// <summary>
/// The gateway's work loops check in here; the watchdog pings systemd only while every registered
/// loop has checked in within its tolerance. A loop that hangs (a blocked read, a deadlock) therefore
/// stops the pings and systemd restarts the service. Pure apart from the injected clock.
/// </summary>
internal sealed class LoopHealth(TimeProvider time)
{
    /// <summary>How often an idle loop wakes to check in; tolerances are a few of these.</summary>
    public static readonly TimeSpan IdleBeat = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long LastBeat, TimeSpan Tolerance)> _loops = new(StringComparer.Ordinal);

    public void Register(string loop, TimeSpan tolerance)
    {
        lock (_lock)
        {
            _loops[loop] = (time.GetTimestamp(), tolerance);
        }
    }

    public void Beat(string loop)
    {
        lock (_lock)
        {
            if (_loops.TryGetValue(loop, out var entry))
            {
                _loops[loop] = (time.GetTimestamp(), entry.Tolerance);
            }
        }
    }

    /// <summary>Waits out a delay (a backoff) in steps of at most <see cref="IdleBeat"/>, checking in for the loop at each, so a 30 s wait is not mistaken for a hang.</summary>
    public async Task WaitAliveAsync(string loop, TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            Beat(loop);

            // One reading of the clock decides both whether to wait and for how long. A second reading can find the
            // wait already over when a loaded machine deschedules the thread in between, and Task.Delay does not take a
            // negative delay as "none": -1 ms means forever and less throws, either way the loop stops for good.
            var left = delay - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            // Task.Delay drops the fraction of a millisecond, so a sub-millisecond rest would come back at once, time
            // after time; round it up.
            var step = left < IdleBeat ? TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)) : IdleBeat;
            await Task.Delay(step, time, cancellationToken);
        }
    }

    /// <summary>The loops that have not checked in within their tolerance, with how long they have been silent.</summary>
    public IReadOnlyList<(string Loop, TimeSpan Silent)> Stuck()
    {
        lock (_lock)
        {
            return [.. _loops
                .Select(l => (Loop: l.Key, Silent: time.GetElapsedTime(l.Value.LastBeat), l.Value.Tolerance))
                .Where(l => l.Silent > l.Tolerance)
                .OrderBy(l => l.Loop, StringComparer.Ordinal)
                .Select(l => (l.Loop, l.Silent))];
        }
    }
}

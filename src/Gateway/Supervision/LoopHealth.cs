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

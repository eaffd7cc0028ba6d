
namespace AfterSales.Gateway.Simulation;

/// <summary>
/// Plays the configured simulation steps at their offsets from <see cref="Start"/>, repeating the
/// script every <c>repeatEverySeconds</c> when that is set. One timer re-armed for the next due step,
/// so fake time in tests fires steps exactly when they are due.
/// </summary>
internal sealed class ScriptPlayer(SimulationConfig script, TimeProvider time, Action<SimulationStep> apply) : IDisposable
{
    private readonly SimulationStep[] _steps = [.. script.Steps.OrderBy(s => s.AtSeconds)];
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private long _startedAt;
    private int _next;
    private int _cycle;

    public void Start()
    {
        if (_steps.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            _startedAt = time.GetTimestamp();
            _timer = time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Arm();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Tick()
    {
        lock (_lock)
        {
            var elapsed = time.GetElapsedTime(_startedAt);
            while (_timer is not null && _next < _steps.Length && DueAt(_next) <= elapsed)
            {
                apply(_steps[_next]);
                _next++;
                if (_next == _steps.Length && script.RepeatEverySeconds > 0)
                {
                    _next = 0;
                    _cycle++;
                }
            }

            Arm();
        }
    }

    private TimeSpan DueAt(int index) => _steps[index].At + (_cycle * TimeSpan.FromSeconds(script.RepeatEverySeconds));

    private void Arm()
    {
        if (_timer is null || _next >= _steps.Length)
        {
            return;
        }

        var wait = DueAt(_next) - time.GetElapsedTime(_startedAt);
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}

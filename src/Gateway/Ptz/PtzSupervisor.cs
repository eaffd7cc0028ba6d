
namespace AfterSales.Gateway.Ptz;

/// <summary>
/// Pure polling policy for the RS-485 bus. Heads share one half-duplex pair, so they are asked one at a time: each
/// tick (one response timeout) first settles the previous question, then asks the next head; a new round starts once
/// the poll interval has passed since the last one began. A head that misses N rounds in a row has
/// <c>ptz.no_response</c>; one answer clears it.
/// </summary>
internal sealed class PtzSupervisor
{
    private readonly PtzConfig _config;
    private readonly Action<PtzHeadConfig, bool> _report;
    private readonly Dictionary<int, int> _misses = [];
    private int _next;
    private DateTimeOffset? _roundStartedAt;
    private PtzHeadConfig? _pending;
    private bool _pendingAnswered;

    /// <param name="report">Called with each head's current no-response state whenever it is re-evaluated.</param>
    public PtzSupervisor(PtzConfig config, Action<PtzHeadConfig, bool> report)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _report = report;
        _next = config.Heads.Count;
    }

    /// <summary>The head asked last and not yet settled, or null.</summary>
    public PtzHeadConfig? Pending => _pending;

    public bool PendingAnswered => _pendingAnswered;

    /// <summary>Settles the previous question and returns the head to ask now, or null when the round is over.</summary>
    public PtzHeadConfig? Tick(DateTimeOffset now)
    {
        if (_pending is { } asked)
        {
            if (!_pendingAnswered)
            {
                _misses[asked.Address] = Math.Min(Misses(asked) + 1, _config.MissedPollsBeforeFault);
                _report(asked, Misses(asked) >= _config.MissedPollsBeforeFault);
            }

            _pending = null;
        }

        if (_next >= _config.Heads.Count)
        {
            if (_roundStartedAt is { } started && now - started < _config.PollInterval())
            {
                return null;
            }

            _roundStartedAt = now;
            _next = 0;
        }

        _pending = _config.Heads[_next++];
        _pendingAnswered = false;
        return _pending;
    }

    /// <summary>A position reply from <paramref name="address"/>; only the head asked counts, as only it may talk.</summary>
    public void Answered(int address)
    {
        if (_pending is not { } asked || asked.Address != address)
        {
            return;
        }

        _pendingAnswered = true;
        _misses[address] = 0;
        _report(asked, false);
    }

    private int Misses(PtzHeadConfig head) => _misses.GetValueOrDefault(head.Address);
}

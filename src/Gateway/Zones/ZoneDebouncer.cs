namespace AfterSales.Gateway.Zones;

/// <summary>
/// Accepts a new zone state only once every reading for the debounce time agreed on it, so a detector
/// relay's bounce or a noisy reading on a long cable never becomes a tamper ticket. Pure.
/// </summary>
internal sealed class ZoneDebouncer(TimeSpan hold, TimeProvider time)
{
    private ZoneState? _candidate;
    private long _candidateSince;

    /// <summary>Whether a reading different from <see cref="State"/> is waiting out the debounce time.</summary>
    public bool HasCandidate => _candidate is not null;

    /// <summary>The last confirmed state; a zone is assumed healthy until readings say otherwise.</summary>
    public ZoneState State { get; private set; } = ZoneState.Normal;

    /// <summary>Feeds one reading; true when it confirms a change of <see cref="State"/>.</summary>
    public bool Sample(ZoneState reading)
    {
        if (reading == State)
        {
            _candidate = null;
            return false;
        }

        var now = time.GetTimestamp();
        if (_candidate != reading)
        {
            _candidate = reading;
            _candidateSince = now;
        }

        if (time.GetElapsedTime(_candidateSince, now) < hold)
        {
            return false;
        }

        State = reading;
        _candidate = null;
        return true;
    }
}

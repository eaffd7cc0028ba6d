namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Hysteresis for a periodic check: the fault stands after <c>missesBeforeFault</c> consecutive misses
/// and falls after <c>passesBeforeClear</c> consecutive passes, so one lost packet never opens a ticket
/// and a flapping device does not open one per flap. Pure; the caller decides what counts as a miss.
/// At start the state is unknown: the first verdict either way counts as a change, so a device that healed
/// while the gateway was off clears its fault (the tracker drops a healthy first verdict as no news otherwise).
/// </summary>
internal sealed class MissCounter(int missesBeforeFault, int passesBeforeClear)
{
    private int _misses;
    private int _passes;
    private bool _decided;

    public bool IsFaulted { get; private set; }

    public int ConsecutiveMisses => _misses;

    /// <summary>Records one check; true when this check raised or cleared the fault.</summary>
    public bool Record(bool passed)
    {
        if (passed)
        {
            _misses = 0;
            _passes++;
            if ((IsFaulted || !_decided) && _passes >= passesBeforeClear)
            {
                IsFaulted = false;
                _decided = true;
                return true;
            }

            return false;
        }

        _passes = 0;
        _misses++;
        if (!IsFaulted && _misses >= missesBeforeFault)
        {
            IsFaulted = true;
            _decided = true;
            return true;
        }

        return false;
    }
}

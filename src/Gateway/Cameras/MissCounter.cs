namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Hysteresis for a periodic check: the fault stands after <c>missesBeforeFault</c> consecutive misses
/// and falls after <c>passesBeforeClear</c> consecutive passes, so one lost packet never opens a ticket
/// and a flapping device does not open one per flap. Pure; the caller decides what counts as a miss.
/// </summary>
internal sealed class MissCounter(int missesBeforeFault, int passesBeforeClear)
{
    private int _misses;
    private int _passes;

    public bool IsFaulted { get; private set; }

    public int ConsecutiveMisses => _misses;

    /// <summary>Records one check; true when this check raised or cleared the fault.</summary>
    public bool Record(bool passed)
    {
        if (passed)
        {
            _misses = 0;
            _passes++;
            if (IsFaulted && _passes >= passesBeforeClear)
            {
                IsFaulted = false;
                return true;
            }

            return false;
        }

        _passes = 0;
        _misses++;
        if (!IsFaulted && _misses >= missesBeforeFault)
        {
            IsFaulted = true;
            return true;
        }

        return false;
    }
}

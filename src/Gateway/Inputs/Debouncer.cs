using System.Device.Gpio;

namespace AfterSales.Gateway.Inputs;

/// <summary>
/// Accepts a new pin level only once it has held for the debounce time, so contact bounce and
/// short electrical glitches never reach the fault tracker. Pure: time comes from the provider.
/// </summary>
internal sealed class Debouncer(PinValue initialLevel, TimeSpan hold, TimeProvider time)
{
    private long? _candidateSince;

    /// <summary>Whether a reading different from <see cref="Level"/> is waiting out the debounce time.</summary>
    public bool HasCandidate => _candidateSince is not null;

    /// <summary>The last confirmed level.</summary>
    public PinValue Level { get; private set; } = initialLevel;

    /// <summary>Feeds one reading; true when it confirms a change of <see cref="Level"/>.</summary>
    public bool Sample(PinValue level)
    {
        if (level == Level)
        {
            _candidateSince = null;
            return false;
        }

        var now = time.GetTimestamp();
        _candidateSince ??= now;
        if (time.GetElapsedTime(_candidateSince.Value, now) < hold)
        {
            return false;
        }

        Level = level;
        _candidateSince = null;
        return true;
    }
}

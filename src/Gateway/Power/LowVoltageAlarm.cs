namespace AfterSales.Gateway.Power;

/// <summary>
/// A low-voltage alarm with hysteresis and a hold time: it rises when the voltage stays below
/// <c>enterBelow</c> for <c>hold</c>, and falls only when it stays above the higher <c>leaveAbove</c>
/// for <c>hold</c>. A supply hovering at the threshold therefore gives one fault, not a stream of them.
/// Pure: time comes from the provider.
/// </summary>
internal sealed class LowVoltageAlarm(double enterBelow, double leaveAbove, TimeSpan hold, TimeProvider time)
{
    private long? _crossedSince;

    public bool IsActive { get; private set; }

    /// <summary>Feeds one reading; true when it raised or cleared the alarm.</summary>
    public bool Sample(double volts)
    {
        var crossed = IsActive ? volts > leaveAbove : volts < enterBelow;
        if (!crossed)
        {
            _crossedSince = null;
            return false;
        }

        var now = time.GetTimestamp();
        _crossedSince ??= now;
        if (time.GetElapsedTime(_crossedSince.Value, now) < hold)
        {
            return false;
        }

        IsActive = !IsActive;
        _crossedSince = null;
        return true;
    }
}

namespace AfterSales.Gateway.Reconnection;

/// <summary>
/// Capped exponential backoff with jitter: 1 s, 2 s, 4 s ... up to 30 s, each shortened by up to
/// a fifth at random so a site's gateways do not reconnect in lockstep after a broker restart.
/// Pure: randomness is injected, so tests can pin it.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan cap, Func<double> random)
{
    public const double JitterFraction = 0.2;

    private int _attempt;

    public ReconnectBackoff()
        : this(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), Random.Shared.NextDouble)
    {
    }

    /// <summary>The delay before the next attempt; each call counts one more failure.</summary>
    public TimeSpan NextDelay()
    {
        // Doubling stops at the cap, and the exponent stops growing too so it never overflows.
        var exponential = initial.TotalMilliseconds * Math.Pow(2, _attempt);
        if (exponential < cap.TotalMilliseconds)
        {
            _attempt++;
        }

        var ceiling = Math.Min(exponential, cap.TotalMilliseconds);
        var jitter = ceiling * JitterFraction * Math.Clamp(random(), 0, 1);
        return TimeSpan.FromMilliseconds(ceiling - jitter);
    }

    /// <summary>After a successful connect the next failure starts again from the initial delay.</summary>
    public void Reset() => _attempt = 0;
}

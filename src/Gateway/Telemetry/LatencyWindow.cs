namespace AfterSales.Gateway.Telemetry;

/// <summary>The last N latencies, for a p50/p99/max that describes now rather than since start; pure.</summary>
internal sealed class LatencyWindow(int size)
{
    private readonly Lock _lock = new();
    private readonly double[] _values = new double[size];
    private int _next;
    private int _count;

    public void Add(double value)
    {
        lock (_lock)
        {
            _values[_next] = value;
            _next = (_next + 1) % _values.Length;
            _count = Math.Min(_count + 1, _values.Length);
        }
    }

    public (double P50, double P99, double Max, int Count) Summary()
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = _values[.._count];
        }

        if (sorted.Length == 0)
        {
            return (0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return (At(sorted, 0.50), At(sorted, 0.99), sorted[^1], sorted.Length);
    }

    // Nearest rank: the smallest value with at least that share of the samples at or below it.
    private static double At(double[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}

namespace AfterSales.Cloud.Tickets.History;

/// <summary>Device availability over a window: the share of time not covered by any outage (overlaps counted once).</summary>
public static class Availability
{
    public static TimeSpan Downtime(IEnumerable<Outage> outages, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(outages);
        var clipped = outages
            .Select(o => (Start: Max(o.Start, from), End: Min(o.End ?? to, to)))
            .Where(o => o.End > o.Start)
            .OrderBy(o => o.Start)
            .ToList();
        var total = TimeSpan.Zero;
        DateTimeOffset? runStart = null, runEnd = null;
        foreach (var (start, end) in clipped)
        {
            if (runEnd is { } e && start <= e)
            {
                runEnd = Max(e, end);
                continue;
            }

            if (runStart is { } s && runEnd is { } re)
            {
                total += re - s;
            }

            (runStart, runEnd) = (start, end);
        }

        if (runStart is { } last && runEnd is { } lastEnd)
        {
            total += lastEnd - last;
        }

        return total;
    }

    /// <summary>0..1; a window of no length counts as fully available.</summary>
    public static double Ratio(IEnumerable<Outage> outages, DateTimeOffset from, DateTimeOffset to)
    {
        var window = to - from;
        return window <= TimeSpan.Zero ? 1 : 1 - (Downtime(outages, from, to) / window);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

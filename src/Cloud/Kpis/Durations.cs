namespace AfterSales.Cloud.Kpis;

/// <summary>Pure: averages of response, arrival and repair times.</summary>
public static class Durations
{
    public static TimeSpan? Mean(IEnumerable<TimeSpan?> spans)
    {
        var values = spans.Where(s => s is not null).Select(s => s!.Value.Ticks).ToList();
        return values.Count == 0 ? null : TimeSpan.FromTicks((long)values.Average());
    }
}

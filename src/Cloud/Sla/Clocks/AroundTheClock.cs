using NodaTime;

namespace AfterSales.Cloud.Sla.Clocks;

/// <summary>24-hour service (24小时全天候): the clock never stops.</summary>
public sealed class AroundTheClock : IWorkCalendar
{
    public static AroundTheClock Instance { get; } = new();

    public IEnumerable<Interval> RunningFrom(Instant from)
    {
        yield return new Interval(from, null);
    }
}

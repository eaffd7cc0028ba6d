using NodaTime;

namespace AfterSales.Cloud.Sla.Clocks;

/// <summary>When an SLA clock runs: around the clock, or only in business hours.</summary>
public interface IWorkCalendar
{
    /// <summary>The running periods from <paramref name="from"/> on, in order; the last may have no end.</summary>
    IEnumerable<Interval> RunningFrom(Instant from);
}

using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Tickets.Timers;

/// <summary>How the desk treats a timer that keeps failing (docs/service-rules.md, "Poison timers").</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>After this many failed firings in a row a timer is quarantined: set aside, shown on the desk.</summary>
    [Range(1, 100)]
    public int MaxFailures { get; set; } = 5;
}

using AfterSales.Cloud.Sla.Clocks;
using NodaTime;

namespace AfterSales.Cloud.Sla;

/// <summary>What a ticket promises: acknowledge, arrive, resolve, each a budget on one clock. A null arrival means a human must set it.</summary>
public sealed record SlaTargets(
    IWorkCalendar Clock,
    bool BusinessHours,
    Duration Acknowledge,
    Duration? Arrival,
    Duration? Resolution,
    string Explanation);

namespace AfterSales.Cloud.Sla;

/// <summary>
/// The service company's business hours (for minor faults). The days they fall on — its time zone,
/// public holidays and make-up working weekends — are the company's one calendar, <c>LocalTime</c>
/// (docs/local-time.md), so the SLA clock, reports and KPIs never disagree about a day off.
/// </summary>
public sealed class CalendarOptions
{
    public string Opens { get; set; } = "09:00";

    public string Closes { get; set; } = "18:00";

    public List<DayOfWeek> WorkDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Moved to <c>LocalTime:TimeZone</c>; set here, it stops the start with where it went.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Moved to <c>LocalTime:Holidays</c>; set here, it stops the start with where it went.</summary>
    public List<string>? Holidays { get; set; }

    /// <summary>Moved to <c>LocalTime:WorkingWeekends</c>; set here, it stops the start with where it went.</summary>
    public List<string>? WorkingWeekends { get; set; }
}

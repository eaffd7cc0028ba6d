namespace AfterSales.Cloud.Sla;

/// <summary>The service company's business hours (for minor faults), in its own time zone.</summary>
public sealed class CalendarOptions
{
    /// <summary>An IANA zone id, e.g. Asia/Shanghai or Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string Opens { get; set; } = "09:00";

    public string Closes { get; set; } = "18:00";

    public List<DayOfWeek> WorkDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Public holidays, ISO dates (yyyy-MM-dd).</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Weekend days worked to make up for a holiday bridge (调休), ISO dates.</summary>
    public List<string> WorkingWeekends { get; set; } = [];
}

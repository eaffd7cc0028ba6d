namespace AfterSales.Cloud.Calendar;

/// <summary>
/// Each service company's time zone and working days (docs/local-time.md): every time shown is in
/// its zone, and months, days and complaint numbers are cut at its local midnight.
/// </summary>
public sealed class LocalTimeOptions
{
    public const string Section = "LocalTime";

    /// <summary>The zone of every service company not listed in <see cref="Tenants"/>: an IANA id.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Public holidays (yyyy-MM-dd); unset: <see cref="ChinaPublicHolidays.Holidays"/>.</summary>
    public List<string>? Holidays { get; set; }

    /// <summary>Weekend days worked instead (调休), yyyy-MM-dd; unset: <see cref="ChinaPublicHolidays.WorkingWeekends"/>.</summary>
    public List<string>? WorkingWeekends { get; set; }

    /// <summary>Service companies in another zone: tenant id → IANA zone id.</summary>
    public Dictionary<string, string> Tenants { get; set; } = [];
}

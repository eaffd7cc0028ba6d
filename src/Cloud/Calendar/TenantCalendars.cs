using System.Globalization;
using NodaTime;

namespace AfterSales.Cloud.Calendar;

/// <summary>
/// Every service company's <see cref="LocalCalendar"/>, built once from <see cref="LocalTimeOptions"/>;
/// a bad zone id or date stops the start with the setting's name.
/// </summary>
public sealed class TenantCalendars
{
    private readonly Dictionary<string, LocalCalendar> _byTenant;

    public TenantCalendars(LocalTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var holidays = Dates(options.Holidays ?? ChinaPublicHolidays.Holidays, "Holidays");
        var working = Dates(options.WorkingWeekends ?? ChinaPublicHolidays.WorkingWeekends, "WorkingWeekends");
        Default = new LocalCalendar(Zone(options.TimeZone, "TimeZone"), holidays, working);
        _byTenant = options.Tenants.ToDictionary(
            kv => kv.Key,
            kv => new LocalCalendar(Zone(kv.Value, $"Tenants:{kv.Key}"), holidays, working),
            StringComparer.Ordinal);
    }

    /// <summary>The calendar of companies without a zone of their own.</summary>
    public LocalCalendar Default { get; }

    public LocalCalendar For(string? tenantId) =>
        tenantId is not null && _byTenant.TryGetValue(tenantId, out var calendar) ? calendar : Default;

    private static DateTimeZone Zone(string id, string setting) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
        ?? throw new InvalidOperationException($"{LocalTimeOptions.Section}:{setting} '{id}' is not an IANA time zone (e.g. Asia/Shanghai).");

    private static HashSet<DateOnly> Dates(IEnumerable<string> texts, string setting) =>
        [.. texts.Select(t => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidOperationException($"{LocalTimeOptions.Section}:{setting}: '{t}' is not a date like 2026-10-01."))];
}

using System.Globalization;
using AfterSales.Cloud.Sla.Clocks;
using AfterSales.Protocol.Faults;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cloud.Sla;

/// <summary>
/// Chooses a ticket's targets: the contract's figures first, then the zone's arrival and the
/// company defaults; severity chooses the clock (docs/service-rules.md §1.7, §1.8).
/// </summary>
public sealed class SlaTermsPolicy
{
    private readonly SlaOptions _options;
    private readonly BusinessCalendar _business;
    private readonly Dictionary<string, ContractTerms> _contracts;

    public SlaTermsPolicy(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _business = BuildCalendar(options.Calendar);
        _contracts = options.Contracts.ToDictionary(c => c.SiteId, StringComparer.Ordinal);
    }

    public BusinessCalendar BusinessCalendar => _business;

    public SlaTargets For(string siteId, FaultSeverity severity, ArrivalAssessment zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _contracts.TryGetValue(siteId, out var contract);
        var business = contract?.AroundTheClock != true && _options.BusinessHoursSeverities.Contains(severity);
        IWorkCalendar clock = business ? _business : AroundTheClock.Instance;

        var arrivalHours = contract?.ArrivalHours ?? zone.ArrivalWithin?.TotalHours;
        Duration? arrival = arrivalHours is { } a ? Duration.FromHours(a) : null;
        Duration? resolution = contract?.ResolutionHours is { } r ? Duration.FromHours(r)
            : arrival is { } arr ? arr + Duration.FromHours(_options.ResolutionHoursAfterArrival)
            : null;
        var acknowledge = Duration.FromMinutes(contract?.AcknowledgeMinutes ?? _options.AcknowledgeMinutes);

        var source = contract?.ArrivalHours is not null ? "contract" : zone.Explanation;
        var clockName = business ? "business hours" : "around the clock";
        var explanation = arrival is null
            ? $"{zone.Explanation}; {clockName}"
            : string.Create(CultureInfo.InvariantCulture, $"{source}; {clockName}: acknowledge {acknowledge.TotalMinutes:0} min, arrive {arrival.Value.TotalHours:0.#} h, resolve {resolution!.Value.TotalHours:0.#} h");
        return new SlaTargets(clock, business, acknowledge, arrival, resolution, explanation);
    }

    public static BusinessCalendar BuildCalendar(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone)
            ?? throw new InvalidOperationException($"Sla:Calendar:TimeZone '{options.TimeZone}' is not an IANA time zone.");
        return new BusinessCalendar(
            zone,
            ParseTime(options.Opens, "Opens"),
            ParseTime(options.Closes, "Closes"),
            options.WorkDays.Select(d => d == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)d).ToHashSet(),
            ParseDates(options.Holidays, "Holidays"),
            ParseDates(options.WorkingWeekends, "WorkingWeekends"));
    }

    private static LocalTime ParseTime(string text, string name)
    {
        var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        return parsed.Success ? parsed.Value : throw new InvalidOperationException($"Sla:Calendar:{name} '{text}' is not a time like 09:00.");
    }

    private static HashSet<LocalDate> ParseDates(IEnumerable<string> texts, string name) =>
        [.. texts.Select(t =>
        {
            var parsed = LocalDatePattern.Iso.Parse(t);
            return parsed.Success ? parsed.Value : throw new InvalidOperationException($"Sla:Calendar:{name}: '{t}' is not a date like 2026-10-01.");
        })];
}

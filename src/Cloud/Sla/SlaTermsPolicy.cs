using System.Globalization;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Sla.Clocks;
using AfterSales.Protocol.Faults;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cloud.Sla;

/// <summary>
/// Chooses a ticket's targets: the figures of the site's contract in force first, then the zone's arrival and the
/// company defaults; severity chooses the clock (docs/service-rules.md §1.7, §1.8).
/// </summary>
public sealed class SlaTermsPolicy
{
    private readonly SlaOptions _options;
    private readonly BusinessCalendar _business;

    /// <param name="company">The company's calendar: the business hours fall on its working days, in its zone.</param>
    public SlaTermsPolicy(SlaOptions options, LocalCalendar company)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _business = BuildCalendar(options.Calendar, company);
    }

    public BusinessCalendar BusinessCalendar => _business;

    /// <summary>
    /// The targets of a ticket at a site: the contract in force (if any) first, then the zone and
    /// the company defaults. The explanation names the contract, for the ticket's audit.
    /// </summary>
    public SlaTargets For(FaultSeverity severity, ArrivalAssessment zone, ContractTerms? contract)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var business = contract?.Clock switch
        {
            ContractClock.AroundTheClock => false,
            ContractClock.BusinessHours => true,
            _ => _options.BusinessHoursSeverities.Contains(severity),
        };
        IWorkCalendar clock = business ? _business : AroundTheClock.Instance;

        var arrivalHours = contract?.ArrivalHours ?? zone.ArrivalWithin?.TotalHours;
        Duration? arrival = arrivalHours is { } a ? Duration.FromHours(a) : null;
        Duration? resolution = contract?.ResolutionHours is { } r ? Duration.FromHours(r)
            : arrival is { } arr ? arr + Duration.FromHours(_options.ResolutionHoursAfterArrival)
            : null;
        var acknowledge = Duration.FromMinutes(contract?.AcknowledgeMinutes ?? _options.AcknowledgeMinutes);

        var source = contract is null ? zone.Explanation : $"{zone.Explanation}; contract {contract.Contract} sets {Sets(contract)}";
        var clockName = business ? "business hours" : "around the clock";
        var explanation = arrival is null
            ? $"{source}; {clockName}"
            : string.Create(CultureInfo.InvariantCulture, $"{source}; {clockName}: acknowledge {acknowledge.TotalMinutes:0} min, arrive {arrival.Value.TotalHours:0.#} h, resolve {resolution!.Value.TotalHours:0.#} h");
        return new SlaTargets(clock, business, acknowledge, arrival, resolution, explanation);
    }

    /// <summary>Which terms the contract itself set (the others are the company's defaults).</summary>
    private static string Sets(ContractTerms contract)
    {
        List<string> set = [];
        if (contract.AcknowledgeMinutes is not null)
        {
            set.Add("acknowledge");
        }

        if (contract.ArrivalHours is not null)
        {
            set.Add("arrival");
        }

        if (contract.ResolutionHours is not null)
        {
            set.Add("resolution");
        }

        if (contract.Clock != ContractClock.BySeverity)
        {
            set.Add("clock");
        }

        return set.Count == 0 ? "no terms of its own" : string.Join(", ", set);
    }

    /// <summary>The business-hours clock: the hours of <paramref name="hours"/> on the working days of <paramref name="company"/>.</summary>
    public static BusinessCalendar BuildCalendar(CalendarOptions hours, LocalCalendar company)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(company);
        Moved(hours.TimeZone is not null, "TimeZone");
        Moved(hours.Holidays is not null, "Holidays");
        Moved(hours.WorkingWeekends is not null, "WorkingWeekends");
        return new BusinessCalendar(
            company.Zone,
            ParseTime(hours.Opens, "Opens"),
            ParseTime(hours.Closes, "Closes"),
            hours.WorkDays.Select(d => d == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)d).ToHashSet(),
            Dates(company.Holidays),
            Dates(company.WorkingWeekends));
    }

    /// <summary>An old configuration still naming a moved setting would otherwise be ignored without a word.</summary>
    private static void Moved(bool set, string name)
    {
        if (set)
        {
            throw new InvalidOperationException($"Sla:Calendar:{name} has moved to {LocalTimeOptions.Section}:{name}, the company's one calendar for deadlines, reports and KPIs (docs/local-time.md); set it there.");
        }
    }

    private static HashSet<LocalDate> Dates(IEnumerable<DateOnly> days) => [.. days.Select(d => new LocalDate(d.Year, d.Month, d.Day))];

    private static LocalTime ParseTime(string text, string name)
    {
        var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        return parsed.Success ? parsed.Value : throw new InvalidOperationException($"Sla:Calendar:{name} '{text}' is not a time like 09:00.");
    }
}

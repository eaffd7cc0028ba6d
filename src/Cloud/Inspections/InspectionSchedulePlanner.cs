using AfterSales.Cloud.Calendar;

namespace AfterSales.Cloud.Inspections;

/// <summary>A site that needs its inspection this month, and the centre that serves it.</summary>
public sealed record SiteToInspect(string SiteId, string? CentreId);

public sealed record InspectionSlot(string SiteId, string? TechnicianId, DateOnly Day);

/// <summary>
/// Spreads the month's inspections over technicians and working days: a site goes to a technician
/// of its own centre when there is one, the least loaded first, on that technician's next working
/// day with room — a working day of the service company's calendar: no weekend, no public holiday,
/// make-up working days count (docs/local-time.md). Pure: technicians and their existing bookings come in as data.
/// </summary>
public static class InspectionSchedulePlanner
{
    public static IReadOnlyList<InspectionSlot> Schedule(
        IEnumerable<SiteToInspect> sites,
        IReadOnlyList<TechnicianCandidate> technicians,
        IEnumerable<(string TechnicianId, DateOnly Day)> booked,
        DateOnly firstDay,
        DateOnly lastDay,
        LocalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(technicians);
        var load = booked.GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        int Total(string id) => load.Where(kv => kv.Key.TechnicianId == id).Sum(kv => kv.Value);
        var slots = new List<InspectionSlot>();
        foreach (var site in sites.OrderBy(s => s.SiteId, StringComparer.Ordinal))
        {
            var local = technicians.Where(t => site.CentreId is not null && t.CentreId == site.CentreId).ToList();
            var pool = local.Count > 0 ? local : technicians;
            var chosen = pool.OrderBy(t => Total(t.Id)).ThenBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault();
            var day = chosen is null ? FirstWorkingDay(firstDay, lastDay, calendar) : NextFreeDay(chosen, load, firstDay, lastDay, calendar);
            if (chosen is not null)
            {
                load[(chosen.Id, day)] = load.GetValueOrDefault((chosen.Id, day)) + 1;
            }

            slots.Add(new InspectionSlot(site.SiteId, chosen?.Id, day));
        }

        return slots;
    }

    private static DateOnly NextFreeDay(TechnicianCandidate t, Dictionary<(string, DateOnly), int> load, DateOnly first, DateOnly last, LocalCalendar calendar)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day) && load.GetValueOrDefault((t.Id, day)) < t.MaxPerDay)
            {
                return day;
            }
        }

        // Overbooked month: the last working day, and the dispatcher sees the pile-up.
        return LastWorkingDay(first, last, calendar);
    }

    private static DateOnly FirstWorkingDay(DateOnly first, DateOnly last, LocalCalendar calendar)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        return first;
    }

    private static DateOnly LastWorkingDay(DateOnly first, DateOnly last, LocalCalendar calendar)
    {
        for (var day = last; day >= first; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        return last;
    }
}

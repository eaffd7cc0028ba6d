using AfterSales.Cloud.Sla.Clocks;
using NodaTime.Extensions;

namespace AfterSales.Cloud.Dispatch;

/// <summary>Pure: is a technician on duty now — in business hours, or covered by a roster shift (on-call, holiday duty)?</summary>
public static class DutyRoster
{
    public static bool IsOnDuty(Technician technician, IEnumerable<DutyShift> shifts, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(technician);
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!technician.Active)
        {
            return false;
        }

        return (technician.WorksBusinessHours && calendar.IsWorking(now.ToInstant()))
            || shifts.Any(s => s.TechnicianId == technician.Id && s.Start <= now && now < s.End);
    }
}

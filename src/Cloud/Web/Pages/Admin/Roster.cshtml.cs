using System.Globalization;
using AfterSales.Cloud.Api;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>
/// The duty roster as a week calendar (Monday to Sunday, the company's local days): one row per
/// technician, the shifts in each day's cell; the admin adds and removes shifts, and the next
/// dispatch decision reads them (docs/service-rules.md §7.3).
/// </summary>
internal sealed class RosterModel(TechnicianAdminStore store, TenantCalendars calendars, IStringLocalizer<Strings> T) : PageModel
{
    public IReadOnlyList<Technician> Technicians { get; private set; } = [];

    public IReadOnlyList<DutyShift> Shifts { get; private set; } = [];

    public DateOnly Monday { get; private set; }

    public LocalCalendar Calendar => calendars.For(Tenant);

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays);

    /// <summary>The shifts of a technician that touch a local day, in the order they start.</summary>
    public IEnumerable<DutyShift> On(string technicianId, DateOnly day)
    {
        var (start, end) = (Calendar.StartOf(day), Calendar.StartOf(day.AddDays(1)));
        return Shifts.Where(s => s.TechnicianId == technicianId && s.Start < end && s.End > start);
    }

    /// <summary>The part of a shift that lies in a local day, as the cell shows it: "18:00–24:00", "00:00–08:00".</summary>
    public string Span(DutyShift shift, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var (dayStart, dayEnd) = (Calendar.StartOf(day), Calendar.StartOf(day.AddDays(1)));
        var from = shift.Start > dayStart ? Calendar.Local(shift.Start).ToString("HH:mm", CultureInfo.InvariantCulture) : "00:00";
        var to = shift.End < dayEnd ? Calendar.Local(shift.End).ToString("HH:mm", CultureInfo.InvariantCulture) : "24:00";
        return $"{from}–{to}";
    }

    public async Task<IActionResult> OnGetAsync(string? week, CancellationToken ct)
    {
        if (!TechnicianAdminApi.TryWeek(week, Calendar, HttpContext, out var monday))
        {
            return BadRequest();
        }

        Monday = monday;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string technicianId, DateTime start, DateTime end, string? kind, CancellationToken ct)
    {
        Monday = LocalCalendar.MondayOf(DateOnly.FromDateTime(start));
        if (!ModelState.IsValid)
        {
            Error = T["Start and end are a date and a time."];
        }
        else
        {
            try
            {
                await store.AddShiftAsync(Tenant, technicianId ?? string.Empty, Calendar.At(start), Calendar.At(end), kind, ct);
                Saved = technicianId;
            }
            catch (ArgumentException ex)
            {
                Error = ex.Message;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long shiftId, string? week, CancellationToken ct)
    {
        if (!await store.RemoveShiftAsync(Tenant, shiftId, ct))
        {
            return NotFound();
        }

        return RedirectToPage(new { week });
    }

    private string Tenant => DeskUser.From(User).TenantId;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Monday == default)
        {
            TechnicianAdminApi.TryWeek(null, Calendar, HttpContext, out var monday);
            Monday = monday;
        }

        Technicians = await store.ListAsync(Tenant, ct);
        Shifts = await store.ShiftsAsync(Tenant, Calendar.StartOf(Monday), Calendar.StartOf(Monday.AddDays(7)), ct);
    }
}

using System.Globalization;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;

namespace AfterSales.Cloud.Api;

/// <summary>
/// The admin's technicians and duty roster (role admin, the admin's own company); the next dispatch
/// uses a change (docs/service-rules.md §7.3). Another company's technician or shift is answered 404.
/// </summary>
internal static class TechnicianAdminApi
{
    public static IEndpointRouteBuilder MapTechnicianAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessPolicies.Admin).WithTags("Administration");
        api.MapGet("/technicians", (HttpContext http, TechnicianAdminStore store, CancellationToken ct) => store.ListAsync(Tenant(http), ct));
        api.MapPut("/technicians/{id}", (string id, TechnicianBody body, HttpContext http, TechnicianAdminStore store, CancellationToken ct) =>
            Refusing(async () => Results.Ok(await store.SaveAsync(
                Tenant(http),
                new TechnicianDraft(id, body.Name ?? string.Empty, body.Phone, body.Skills ?? [], body.HomeCentreId ?? string.Empty, body.Active ?? true, body.WorksBusinessHours ?? true),
                ct))));
        api.MapGet("/roster", async (string? week, HttpContext http, TechnicianAdminStore store, TenantCalendars calendars, CancellationToken ct) =>
        {
            var calendar = calendars.For(Tenant(http));
            if (!TryWeek(week, calendar, http, out var monday))
            {
                return Results.Problem($"'{week}' is not a date; use yyyy-MM-dd.", statusCode: 400);
            }

            var shifts = await store.ShiftsAsync(Tenant(http), calendar.StartOf(monday), calendar.StartOf(monday.AddDays(7)), ct);
            return Results.Ok(new RosterWeek(monday, shifts.Select(s => new ShiftView(s.Id, s.TechnicianId, calendar.Local(s.Start), calendar.Local(s.End), s.Kind)).ToList()));
        });
        api.MapPost("/roster", (ShiftBody body, HttpContext http, TechnicianAdminStore store, CancellationToken ct) =>
            Refusing(async () =>
            {
                var shift = await store.AddShiftAsync(Tenant(http), body.TechnicianId ?? string.Empty, body.Start, body.End, body.Kind, ct);
                return Results.Created($"/api/v1/admin/roster/{shift.Id}", new ShiftView(shift.Id, shift.TechnicianId, shift.Start, shift.End, shift.Kind));
            }));
        api.MapDelete("/roster/{id:long}", async (long id, HttpContext http, TechnicianAdminStore store, CancellationToken ct) =>
            await store.RemoveShiftAsync(Tenant(http), id, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    /// <summary>The Monday of the asked week, or of this week in the company's zone when none is asked.</summary>
    internal static bool TryWeek(string? week, LocalCalendar calendar, HttpContext http, out DateOnly monday)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(http);
        var day = calendar.DayOf(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        if (!string.IsNullOrEmpty(week) && !DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            monday = default;
            return false;
        }

        monday = LocalCalendar.MondayOf(day);
        return true;
    }

    private static string Tenant(HttpContext http) => DeskUser.From(http.User).TenantId;

    private static async Task<IResult> Refusing(Func<Task<IResult>> act)
    {
        try
        {
            return await act();
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(ex.Message, statusCode: 400);
        }
    }

    internal sealed record TechnicianBody(string? Name, string? Phone, string[]? Skills, string? HomeCentreId, bool? Active, bool? WorksBusinessHours);

    internal sealed record ShiftBody(string? TechnicianId, DateTimeOffset Start, DateTimeOffset End, string? Kind);

    internal sealed record ShiftView(long Id, string TechnicianId, DateTimeOffset Start, DateTimeOffset End, string Kind);

    internal sealed record RosterWeek(DateOnly Monday, List<ShiftView> Shifts);
}

using System.Globalization;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Exports;

/// <summary>
/// <c>GET /api/v1/exports/{kind}.{csv|xlsx}</c> for staff, over their own company's data
/// (docs/exports.md). Bad parameters get a 400 naming the parameter and the expected form.
/// </summary>
internal static class ExportsApi
{
    public static IServiceCollection AddExports(this IServiceCollection services) => services.AddSingleton<ExportService>();

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exports").RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/tickets.{format}", (string format, HttpContext http, ExportService exports, TenantCalendars calendars, CancellationToken ct) =>
            Export(http, format, calendars, (tenant, q) => exports.TicketsAsync(tenant, q, ct)));
        api.MapGet("/parts.{format}", (string format, HttpContext http, ExportService exports, TenantCalendars calendars, CancellationToken ct) =>
            Export(http, format, calendars, (tenant, q) => exports.PartsAsync(tenant, q, ct)));
        api.MapGet("/complaints.{format}", (string format, HttpContext http, ExportService exports, TenantCalendars calendars, CancellationToken ct) =>
            Export(http, format, calendars, (tenant, q) => exports.ComplaintsAsync(tenant, q, ct)));
        api.MapGet("/revisits.{format}", (string format, HttpContext http, ExportService exports, TenantCalendars calendars, CancellationToken ct) =>
            Export(http, format, calendars, (tenant, q) => exports.RevisitsAsync(tenant, q, ct)));
        api.MapGet("/kpis.{format}", async (string format, string month, int? months, KpiDimension? by, HttpContext http, ExportService exports, CancellationToken ct) =>
        {
            if (!ServiceMonth.TryParse(month, out var first) || months is < 1 or > 12 || !TryFormat(format, out var kind))
            {
                return Results.Problem("month must be yyyy-MM, months 1 to 12, and the file .csv or .xlsx", statusCode: 400);
            }

            return File(await exports.KpisAsync(DeskUser.From(http.User).TenantId, first, months ?? 1, by ?? KpiDimension.Site, ct), kind);
        });
        return app;
    }

    private static async Task<IResult> Export(HttpContext http, string format, TenantCalendars calendars, Func<string, ExportQuery, Task<ExportTable>> build)
    {
        var tenant = DeskUser.From(http.User).TenantId;
        var query = http.Request.Query;
        if (!TryFormat(format, out var kind))
        {
            return Results.Problem($"Unknown file type '{format}': use .csv or .xlsx.", statusCode: 400);
        }

        // Without dates: this local month so far.
        var today = calendars.For(tenant).DayOf(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        if (!TryDay(query["from"], ServiceMonth.FirstOfMonth(today), out var from) || !TryDay(query["to"], today, out var to) || to < from)
        {
            return Results.Problem("from and to must be dates like 2026-11-01, from not after to", statusCode: 400);
        }

        TicketStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } s)
        {
            if (!Enum.TryParse<TicketStatus>(s, ignoreCase: true, out var parsed))
            {
                return Results.Problem($"Unknown status '{s}': use one of {string.Join(", ", Enum.GetNames<TicketStatus>())}.", statusCode: 400);
            }

            status = parsed;
        }

        FaultSeverity? severity = null;
        if (query["severity"].ToString() is { Length: > 0 } v)
        {
            if (!Enum.TryParse<FaultSeverity>(v, ignoreCase: true, out var parsed))
            {
                return Results.Problem($"Unknown severity '{v}': use one of {string.Join(", ", Enum.GetNames<FaultSeverity>())}.", statusCode: 400);
            }

            severity = parsed;
        }

        var site = query["site"].ToString();
        return File(await build(tenant, new ExportQuery(from, to, site.Length > 0 ? site : null, status, severity)), kind);
    }

    private static IResult File(ExportTable table, ExportFormat format) => format switch
    {
        ExportFormat.Csv => Results.File(CsvBuilder.Build(table), "text/csv; charset=utf-8", table.Name + ".csv"),
        ExportFormat.Xlsx => Results.File(XlsxBuilder.Build(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", table.Name + ".xlsx"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static bool TryFormat(string text, out ExportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}

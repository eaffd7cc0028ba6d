using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Reports;

namespace AfterSales.Cloud.Inspections;

internal static class InspectionsApi
{
    public static IServiceCollection AddInspections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InspectionOptions>(configuration.GetSection(InspectionOptions.Section));
        return services.AddSingleton<MaintenanceReminderService>().AddSingleton<InspectionPlanService>().AddSingleton<InspectionService>().AddSingleton<InspectionSheetService>();
    }

    public static IEndpointRouteBuilder MapInspections(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/inspections").RequireAuthorization(AccessPolicies.Staff);
        api.MapPost("/plan", async (string month, HttpContext http, InspectionPlanService planner, CancellationToken ct) =>
            ServiceMonth.TryParse(month, out var m) ? Results.Ok(new { Planned = await planner.PlanAsync(DeskUser.From(http.User).TenantId, m, ct) }) : Results.Problem("month must be yyyy-MM", statusCode: 400));
        api.MapGet("/", async (string month, string? technicianId, HttpContext http, InspectionService desk, CancellationToken ct) =>
            ServiceMonth.TryParse(month, out var m) ? Results.Ok(await desk.ForTechnicianAsync(DeskUser.From(http.User).TenantId, technicianId, m, ct)) : Results.Problem("month must be yyyy-MM", statusCode: 400));

        // The signed inspection record (docs/service-rules.md §3.1a): the technician of the visit and the company's staff
        // here, the customer on the portal; any other sheet, and one not completed yet, is 404.
        app.MapGet("/inspections/{id:long}/sheet.pdf", SheetAsync).RequireAuthorization(AccessPolicies.Field).WithSummary("The completed inspection record with the customer's signature, as PDF");
        app.MapGet("/portal/inspections/{id:long}/sheet.pdf", SheetAsync).RequireAuthorization(AccessPolicies.Customer).WithTags("Portal").WithSummary("The inspection record of one of the customer's sites, as PDF");
        return app;
    }

    private static async Task<IResult> SheetAsync(long id, HttpContext http, InspectionSheetService sheets, CancellationToken ct) =>
        await sheets.BuildAsync(id, DeskUser.From(http.User), ct) is { } pdf ? Results.File(pdf, "application/pdf", $"inspection-{id}.pdf") : Results.NotFound();
}

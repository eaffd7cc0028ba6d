using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Reports;

namespace AfterSales.Cloud.Inspections;

internal static class InspectionsApi
{
    public static IServiceCollection AddInspections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InspectionOptions>(configuration.GetSection(InspectionOptions.Section));
        return services.AddSingleton<MaintenanceReminderService>().AddSingleton<InspectionPlanService>().AddSingleton<InspectionService>();
    }

    public static IEndpointRouteBuilder MapInspections(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/inspections").RequireAuthorization(AccessPolicies.Staff);
        api.MapPost("/plan", async (string month, HttpContext http, InspectionPlanService planner, CancellationToken ct) =>
            ServiceMonth.TryParse(month, out var m) ? Results.Ok(new { Planned = await planner.PlanAsync(DeskUser.From(http.User).TenantId, m, ct) }) : Results.Problem("month must be yyyy-MM", statusCode: 400));
        api.MapGet("/", async (string month, string? technicianId, HttpContext http, InspectionService desk, CancellationToken ct) =>
            ServiceMonth.TryParse(month, out var m) ? Results.Ok(await desk.ForTechnicianAsync(DeskUser.From(http.User).TenantId, technicianId, m, ct)) : Results.Problem("month must be yyyy-MM", statusCode: 400));
        return app;
    }
}

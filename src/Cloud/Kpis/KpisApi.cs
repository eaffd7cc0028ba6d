using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Reports;

namespace AfterSales.Cloud.Kpis;

internal static class KpisApi
{
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddOptions<KpiTargets>().BindConfiguration(KpiTargets.Section).ValidateDataAnnotations()
            .Validate(t => t.AvailabilityGood >= t.Availability, $"{KpiTargets.Section}: AvailabilityGood must not be below Availability")
            .ValidateOnStart();
        return services.AddSingleton<KpiTargetSource>().AddSingleton<KpiService>();
    }

    public static IEndpointRouteBuilder MapKpis(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/kpis").RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/", async (string month, int? months, KpiDimension? by, HttpContext http, KpiService kpis, CancellationToken ct) =>
        {
            if (!ServiceMonth.TryParse(month, out var first) || months is < 1 or > 12)
            {
                return Results.Problem("month must be yyyy-MM and months 1 to 12", statusCode: 400);
            }

            var inputs = await kpis.LoadAsync(DeskUser.From(http.User).TenantId, first, months ?? 1, ct);
            return Results.Ok(KpiCalculator.By(by ?? KpiDimension.Company, inputs));
        });
        api.MapGet("/complaints", async (string month, HttpContext http, KpiService kpis, CancellationToken ct) =>
            ServiceMonth.TryParse(month, out var first)
                ? Results.Ok(FeedbackAnalysis.ComplaintsByCause((await kpis.LoadAsync(DeskUser.From(http.User).TenantId, first, 1, ct)).Complaints))
                : Results.Problem("month must be yyyy-MM", statusCode: 400));
        api.MapGet("/satisfaction", async (string lastMonth, HttpContext http, KpiService kpis, CancellationToken ct) =>
            ServiceMonth.TryParse(lastMonth, out var last)
                ? Results.Ok(FeedbackAnalysis.SatisfactionYear(await kpis.SurveysAsync(DeskUser.From(http.User).TenantId, ct), last))
                : Results.Problem("lastMonth must be yyyy-MM", statusCode: 400));
        return app;
    }
}

using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Reports;

namespace AfterSales.Cloud.Kpis;

internal static class KpisApi
{
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddOptions<KpiTargets>().BindConfiguration(KpiTargets.Section).ValidateDataAnnotations()
            .Validate(t => KpiTargetRules.Problem(t) is null, $"{KpiTargets.Section}: AvailabilityGood must not be below Availability")
            .ValidateOnStart();
        return services.AddSingleton<KpiTargetStore>().AddSingleton<KpiService>();
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
        MapTargets(app.MapGroup("/api/v1/admin/kpi-targets").RequireAuthorization(AccessPolicies.Admin));
        return app;
    }

    /// <summary>The caller's company's targets: its own, or the configured default until an admin saves some.</summary>
    private static void MapTargets(RouteGroupBuilder api)
    {
        api.MapGet("/", async (HttpContext http, KpiTargetStore store, CancellationToken ct) =>
        {
            var stored = await store.StoredAsync(DeskUser.From(http.User).TenantId, ct);
            return Results.Ok(new { targets = stored?.Targets ?? store.Default, own = stored is not null, stored?.UpdatedAt, stored?.UpdatedBy });
        });
        api.MapPut("/", async (KpiTargets targets, HttpContext http, KpiTargetStore store, TimeProvider time, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            try
            {
                await store.SaveAsync(user.TenantId, targets, user.Name, time.GetUtcNow(), ct);
                return Results.Ok(targets);
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });
        api.MapDelete("/", async (HttpContext http, KpiTargetStore store, CancellationToken ct) =>
        {
            await store.ResetAsync(DeskUser.From(http.User).TenantId, ct);
            return Results.NoContent();
        });
    }
}

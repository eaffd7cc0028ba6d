using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Feedback;

internal static class FeedbackApi
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        return services.AddSingleton<ComplaintService>().AddSingleton<SurveyService>().AddSingleton<RevisitService>();
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.Staff);

        api.MapPost("/complaints", async (ComplaintRequest request, ComplaintService desk, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Summary))
            {
                return Results.Problem("Say what the customer complains about.", statusCode: 400);
            }

            try
            {
                var complaint = await desk.RegisterAsync(request, ct);
                return Results.Created($"/api/v1/complaints/{complaint.Number}", complaint);
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });

        api.MapPost("/complaints/{number}", async (string number, ComplaintUpdate update, ComplaintService desk, CancellationToken ct) =>
            await desk.UpdateAsync(number, update.Answered, update.Fix, ct) is { } c ? Results.Ok(c) : Results.NotFound());

        api.MapPost("/surveys", async (SurveyRequest request, SurveyService desk, CancellationToken ct) =>
        {
            try
            {
                var survey = await desk.IssueAsync(request.SiteId, request.TechnicianId, request.TicketId, request.InspectionJobId, ct, request.Invite);
                return Results.Ok(new { survey.Token, Link = desk.LinkFor(survey) });
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });

        api.MapPost("/revisits/plan", async (DateOnly month, RevisitService desk, CancellationToken ct) => Results.Ok(new { Added = await desk.PlanAsync(month, ct) }));
        api.MapPost("/revisits/{id:long}", async (long id, RevisitResult result, RevisitService desk, CancellationToken ct) =>
            await desk.RecordAsync(id, result.Finding, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }
}

internal sealed record ComplaintUpdate(bool Answered, string? Fix);

internal sealed record SurveyRequest(string SiteId, string? TechnicianId, long? TicketId, long? InspectionJobId, bool Invite = false);

internal sealed record RevisitResult(string? Finding);

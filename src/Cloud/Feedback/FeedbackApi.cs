using AfterSales.Cloud.Auth;

namespace AfterSales.Cloud.Feedback;

internal static class FeedbackApi
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        return services.AddSingleton<RevisitWorkService>().AddSingleton<ComplaintService>().AddSingleton<SurveyService>().AddSingleton<RevisitService>();
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.Staff);

        api.MapPost("/complaints", async (ComplaintRequest request, HttpContext http, ComplaintService desk, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Summary))
            {
                return Results.Problem("Say what the customer complains about.", statusCode: 400);
            }

            try
            {
                var complaint = await desk.RegisterAsync(DeskUser.From(http.User).TenantId, request, ct);
                return Results.Created($"/api/v1/complaints/{complaint.Number}", complaint);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: 404);
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }
        });

        api.MapPost("/complaints/{number}", async (string number, ComplaintUpdate update, HttpContext http, ComplaintService desk, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            try
            {
                // The cause first: a cause that cannot be set refuses the whole update, nothing stored (§4.3c).
                if (update.Cause is { } cause && await desk.ReclassifyAsync(user.TenantId, number, cause, update.ServiceAtFault ?? false, user.Name, ct) is null)
                {
                    return Results.NotFound();
                }
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(ex.Message, statusCode: 400);
            }

            return await desk.UpdateAsync(user.TenantId, number, update.Answered, update.Fix, ct) is { } c ? Results.Ok(c) : Results.NotFound();
        }).WithSummary("Record the answer and outcome; with cause (and serviceAtFault) set the cause the desk found");

        // The survey link goes to the customer's contacts only: staff never see its token, so nobody
        // at the service company can answer their own survey (docs/security.md, "Server-set fields").
        api.MapPost("/surveys", async (SurveyRequest request, HttpContext http, SurveyService desk, CancellationToken ct) =>
        {
            try
            {
                var (survey, sentTo) = await desk.InviteAsync(DeskUser.From(http.User).TenantId, request.SiteId, request.TechnicianId, request.TicketId, ct);
                return Results.Ok(new { survey.Id, survey.SiteId, survey.SentAt, SentTo = sentTo });
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: 404);
            }
            catch (SurveyException ex)
            {
                return Results.Problem(ex.Message, statusCode: 409);
            }
        });

        api.MapPost("/revisits/plan", async (DateOnly month, HttpContext http, RevisitService desk, CancellationToken ct) =>
            Results.Ok(new { Added = await desk.PlanAsync(DeskUser.From(http.User).TenantId, month, ct) }));
        api.MapPost("/revisits/{id:long}", async (long id, RevisitResult result, HttpContext http, RevisitService desk, CancellationToken ct) =>
            await desk.RecordAsync(DeskUser.From(http.User).TenantId, id, result.Finding, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }
}

/// <summary>An update of a complaint; <c>Cause</c> (with <c>ServiceAtFault</c>, default false) reclassifies it (docs/service-rules.md §4.3c).</summary>
internal sealed record ComplaintUpdate(bool Answered, string? Fix, ComplaintCause? Cause = null, bool? ServiceAtFault = null);

internal sealed record SurveyRequest(string SiteId, string? TechnicianId, long? TicketId);

internal sealed record RevisitResult(string? Finding);

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Cloud.Tickets.Workflow;

namespace AfterSales.Cloud.Api;

/// <summary>A customer's call recorded by a dispatcher (or a call-centre system): it opens or joins a ticket (docs/service-rules.md §2.15).</summary>
internal static class CallsApi
{
    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/calls").RequireAuthorization(AccessPolicies.Staff).WithTags("Dispatch");
        staff.MapPost("/", async (CustomerCallForm body, HttpContext http, CustomerCallService calls, CancellationToken ct) =>
        {
            try
            {
                var ticketId = await calls.RecordAsync(body, DeskUser.From(http.User), ct);
                return Results.Ok(new { ticketId });
            }
            catch (CallRefusedException ex)
            {
                return Results.BadRequest(new { errors = ex.Problems });
            }
        }).WithSummary("Record a customer's call: {siteId, deviceId?, deviceKind?, severity, symptom, callerName, callbackPhone, minutesAgo}");
        return app;
    }
}

using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Jobs.JobSheet;

namespace AfterSales.Cloud.Api;

/// <summary>
/// Downloads for the customer portal. The job sheet is the one the technician's phone shows (the same
/// <see cref="JobSheetService"/>), for a job at one of the customer's own sites; any other is 404.
/// </summary>
internal static class PortalApi
{
    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/portal").RequireAuthorization(AccessPolicies.Customer).WithTags("Portal");
        customer.MapGet("/jobs/{id:long}/jobsheet.pdf", async (long id, HttpContext http, JobSheetService sheets, CancellationToken ct) =>
            await sheets.BuildAsync(id, DeskUser.From(http.User), ct) is { } pdf
                ? Results.File(pdf, "application/pdf", $"job-{id}.pdf")
                : Results.NotFound()).WithSummary("The job sheet (服务凭证) of a job at one of the customer's sites, as PDF");
        return app;
    }
}
